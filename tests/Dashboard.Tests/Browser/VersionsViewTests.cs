using Dashboard.Shared.Models;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The model page's versions: each successful run with its WER, the serving one marked, and "serve this version" for admins.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class VersionsViewTests(BrowserFixture fixture)
{
    private static ILocator Row(IPage page, int version) => page.Locator($"[data-testid=version-row][data-version='{version}']");

    [Fact]
    public async Task AnAdmin_SeesBothVersionsWithTheirWer_AndRollsBackToTheFirst_AMemberCannot()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Admin);
        var id = await BrowserFlows.TrainedModelAsync(page, "Cardiology v2", "Outpatient dictation, retrained with week 2",
            await BrowserFlows.SpeechPairsAsync("week", 2), await BrowserFlows.SpeechPairsAsync("check", 1));
        var firstWer = await Row(page, 1).GetByTestId("version-wer").InnerTextAsync();
        await BrowserFlows.UploadAsync(page, "train", await BrowserFlows.SpeechPairsAsync("more", 1), 1);
        await page.GetByTestId("start-training").ClickAsync();
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Running);
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Success);
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
        await Assertions.Expect(Row(page, 2).GetByTestId("serving-version")).ToBeVisibleAsync();

        await Row(page, 1).GetByTestId("serve-version").ClickAsync();

        await Assertions.Expect(Row(page, 1).GetByTestId("serving-version")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, 2).GetByTestId("serve-version")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("metric-wer")).ToHaveTextAsync(firstWer);
        await page.GetByTestId("versions").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "model-versions-1400.png"), FullPage = true });

        var member = await fixture.SignInAsync(BrowserFixture.Member);
        await member.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(member);
        await Assertions.Expect(Row(member, 1).GetByTestId("serving-version")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("version-row")).ToHaveCountAsync(2);
        await Assertions.Expect(member.GetByTestId("serve-version")).ToHaveCountAsync(0);
    }
}
