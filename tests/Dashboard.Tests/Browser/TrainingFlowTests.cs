using Dashboard.Shared.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class TrainingFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Member_SignsInCreatesUploadsTrains_AndWatchesLogLinesAndSuccessLive()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        var id = await BrowserFlows.CreateModelAsync(page, "Radiology reports");
        await Expect(page.GetByTestId("start-training")).ToBeDisabledAsync();

        await BrowserFlows.UploadAsync(page, "train", await BrowserFlows.SpeechPairsAsync("report", 2), 2);
        await BrowserFlows.UploadAsync(page, "test", await BrowserFlows.SpeechPairsAsync("check", 1), 1);
        await Expect(page.Locator("[data-testid=dataset-train] [data-testid=data-file]")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("extra-hours-cost")).ToHaveTextAsync("$0.00");
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.ReadyToRun);

        await page.GetByTestId("start-training").ClickAsync();
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Running, 10_000);
        var lines = page.GetByTestId("log-line");
        await Expect(lines.First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=stage][data-state=current]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("training-eta")).ToContainTextAsync("left");
        var early = await lines.CountAsync();
        // No reload from here on: new lines and the final status arrive over the circuit.
        await Expect(lines).Not.ToHaveCountAsync(early, new() { Timeout = 20_000 });
        Assert.True(await lines.CountAsync() > early);
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Success);
        await Expect(page.GetByTestId("training-progress")).ToHaveAttributeAsync("data-value", "100");
        await Expect(page.GetByTestId("metric-wer")).ToContainTextAsync("%");
        await Expect(lines.Last).ToContainTextAsync("Training succeeded");

        await page.GotoAsync("/models");
        await Expect(page.Locator($"[data-testid=model-row][data-model-id='{id}'] [data-testid=model-status]")).ToHaveAttributeAsync("data-status", BrowserFlows.Code(TrainingStatus.Success));
        await page.GotoAsync("/billing");
        await Expect(page.GetByTestId("plan-usage")).ToContainTextAsync("/ ∞");
        await Expect(page.GetByTestId("ledger-row").Filter(new() { HasText = "Radiology reports" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PageOpenedMidRun_ShowsEarlierLogLinesThenLiveOnes()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        await BrowserFlows.CreateModelAsync(page, "Mid-run viewer");
        await BrowserFlows.UploadAsync(page, "train", await BrowserFlows.SpeechPairsAsync("mid", 1), 1);
        await BrowserFlows.UploadAsync(page, "test", await BrowserFlows.SpeechPairsAsync("midtest", 1), 1);
        await page.GetByTestId("start-training").ClickAsync();
        await Expect(page.GetByTestId("log-line")).Not.ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(1500);

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("log-line").First).ToContainTextAsync("queued");
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Success);
        await Expect(page.GetByTestId("log-line").Last).ToContainTextAsync("Training succeeded");
        await page.Context.CloseAsync();
    }
}
