using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Pictures of the main pages for the README, at 1400 and 800 px; written to docs/screenshots/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Screenshots_OfTheMainPages_AreWrittenAt1400And800Pixels()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var trained = await BrowserFlows.TrainedModelAsync(fixture, "Cardiology dictation");
        foreach (var width in new[] { 1400, 800 })
        {
            var page = await fixture.SignInAsync(BrowserFixture.Admin, width, 1000);
            await Shoot(page, "/models", $"models-{width}.png", folder, "model-row");
            await Shoot(page, $"/models/{trained}", $"model-detail-{width}.png", folder, "metrics");
            await Shoot(page, "/billing", $"billing-{width}.png", folder, "plan-usage");
            await Shoot(page, "/keys", $"keys-{width}.png", folder, "create-key");
            await page.Context.CloseAsync();
        }
        var login = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Server.BaseUrl, ViewportSize = new() { Width = 1400, Height = 800 } });
        await login.GotoAsync("/login");
        await login.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "login-1400.png") });
        await login.CloseAsync();
    }

    private static async Task Shoot(IPage page, string path, string file, string folder, string waitFor)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByTestId(waitFor).First.WaitForAsync();
        await page.WaitForTimeoutAsync(600); // charts animate in
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Dashboard.sln not found above the test folder.");
    }
}
