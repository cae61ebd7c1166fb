using Dashboard.Shared.Models;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Pictures of the main pages at 1400 and 800 px (own Gold organization): into docs/screenshots/ for the README
/// when UPDATE_SCREENSHOTS=1, otherwise into a temporary folder, so a test run leaves the clone clean.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    private const string Org = "Northwind Clinic";
    private const string Admin = "lead@northwind.test";

    [Fact]
    public async Task Screenshots_OfTheMainPages_AreWrittenAt1400And800Pixels()
    {
        var folder = OutputFolder();
        await fixture.Server.CreateUserAsync(Org, Admin, "admin", "gold");
        await fixture.Server.CreateUserAsync(Org, "dictation@northwind.test", "member", "gold");
        await fixture.Server.CreateUserAsync(Org, "finance@northwind.test", "viewer", "gold");
        var page = await fixture.SignInAsync(Admin);
        var trained = await BrowserFlows.TrainedModelAsync(page, "Cardiology dictation", "Dictated cardiology notes from the outpatient clinic",
            await BrowserFlows.SpeechPairsAsync("clinic", 3), await BrowserFlows.SpeechPairsAsync("holdout", 1));
        await BrowserFlows.TrainedModelAsync(page, "Billing calls", "Call-center recordings, week 1 (8 kHz phone audio)",
            await BrowserFlows.LongPairAsync("billing_calls_week1", 12), await BrowserFlows.LongPairAsync("billing_calls_holdout", 0.5));
        await BrowserFlows.CreateModelAsync(page, "Legal depositions", "Court reporters' depositions; data still to come");
        var running = await BrowserFlows.CreateModelAsync(page, "Radiology reports");
        await BrowserFlows.UploadAsync(page, "train", await BrowserFlows.SpeechPairsAsync("report", 2), 2);
        await BrowserFlows.UploadAsync(page, "test", await BrowserFlows.SpeechPairsAsync("check", 1), 1);
        await page.GetByTestId("start-training").ClickAsync();
        await page.GetByTestId("log-line").Nth(6).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "model-training-live-1400.png"), FullPage = true });
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Success);
        await page.Context.CloseAsync();

        foreach (var width in new[] { 1400, 800 })
        {
            page = await fixture.SignInAsync(Admin, width, 1000);
            await Shoot(page, "/models", $"models-{width}.png", folder, "model-row");
            await Shoot(page, $"/models/{trained}", $"model-detail-{width}.png", folder, "metrics");
            await Shoot(page, "/billing", $"billing-{width}.png", folder, "ledger-row");
            await Shoot(page, "/keys", $"keys-{width}.png", folder, "create-key");
            await Shoot(page, "/users", $"users-{width}.png", folder, "user-row");
            await Shoot(page, "/privacy", $"privacy-{width}.png", folder, "mip-status");
            await page.Context.CloseAsync();
        }
        var login = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Server.BaseUrl, ViewportSize = new() { Width = 1400, Height = 800 } });
        await login.GotoAsync("/login");
        await login.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "login-1400.png") });
        await login.CloseAsync();
        Assert.True(running > trained);
    }

    private static async Task Shoot(IPage page, string path, string file, string folder, string waitFor)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByTestId(waitFor).First.WaitForAsync();
        await page.WaitForTimeoutAsync(800); // charts animate in
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
    }

    /// <summary>docs/screenshots with UPDATE_SCREENSHOTS=1, otherwise a new temporary folder.</summary>
    public static string OutputFolder()
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Repository.Root, "docs", "screenshots")
            : TestTemp.Folder("screenshots-");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
