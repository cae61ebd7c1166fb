using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A version worse than the base model, on the model page: shown as worse (sign, red, words) with the seed's guidance, not
/// serving until the admin serves it. Its own server, whose simulated engine reports a 12% worse WER than the base model.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class WorseVersionViewTests(BrowserFixture fixture)
{
    private const string Org = "Harbor Telecom";
    private const string Admin = "lead@harbor.test";

    [Fact]
    public async Task AWorseVersion_IsShownAsWorse_WithGuidance_AndServesOnlyOnceTheAdminChoosesIt()
    {
        await using var server = await DashboardServer.StartAsync(simulationSeconds: 2,
            new Dictionary<string, string> { ["Training__Simulation__ImprovementPercent"] = "-12.2" });
        await server.CreateUserAsync(Org, Admin, "admin", "gold");
        var page = await fixture.SignInAsync(Admin, server: server);
        await BrowserFlows.TrainedModelAsync(page, "Phone prompts", "IVR prompts read by our voice talent",
            await BrowserFlows.SpeechPairsAsync("prompt", 2), await BrowserFlows.SpeechPairsAsync("holdout", 1));

        var heldBack = page.GetByTestId("held-back");
        await Assertions.Expect(heldBack).ToContainTextAsync("Version 1 is worse than the base model");
        await Assertions.Expect(heldBack).ToContainTextAsync("the base model (General)");
        await Assertions.Expect(page.GetByTestId("improvement-guidance")).ToContainTextAsync("A different base model");
        var improvement = page.GetByTestId("metric-improvement");
        await Assertions.Expect(improvement).ToContainTextAsync("worse than base");
        await Assertions.Expect(improvement.Locator(".metric-value")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-bad"));
        Assert.StartsWith("-12.", await improvement.Locator(".metric-value").InnerTextAsync());
        Assert.DoesNotContain("+-", await page.Locator("main").InnerTextAsync());
        await Assertions.Expect(page.GetByTestId("worse-than-base")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("serving-version")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("engine-badge")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rz-notification-title")).ToHaveCountAsync(0, new() { Timeout = 15_000 }); // "Training started" fades
        await page.WaitForTimeoutAsync(800); // charts animate in
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "model-worse-1400.png"), FullPage = true });

        await page.GetByTestId("serve-version").ClickAsync();

        await Assertions.Expect(page.GetByTestId("serving-version")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("held-back")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("versions")).ToContainTextAsync("v1 serves custom_model_");
        await page.Context.CloseAsync();
    }
}
