using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class PrivacyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_OptsOut_TheSettingPersists_AndBillingShowsIt()
    {
        const string org = "Call Center Growth", lead = "lead@callcenter.test";
        await fixture.Server.CreateUserAsync(org, lead, "admin", "growth");
        var page = await fixture.SignInAsync(lead);
        await page.GetByTestId("nav-privacy").ClickAsync();
        await page.WaitForURLAsync("**/privacy");
        await Expect(page.GetByTestId("mip-status")).ToHaveAttributeAsync("data-opt-out", "false");
        await Expect(page.GetByTestId("mip-cost")).ToContainTextAsync("50% discount");
        await Expect(page.GetByTestId("save-data-use")).ToBeDisabledAsync();

        await page.GetByTestId("mip-opt-out").ClickAsync();
        await Expect(page.GetByTestId("discount-warning")).ToContainTextAsync("forfeits the 50% discount");
        await page.GetByTestId("retention-days").FillAsync("400");
        await page.GetByTestId("save-data-use").ClickAsync();
        await Expect(page.GetByTestId("data-use-error")).ToContainTextAsync("between 1 and 365");
        await Expect(page.GetByTestId("mip-status")).ToHaveAttributeAsync("data-opt-out", "false");

        await page.GetByTestId("retention-days").FillAsync("14");
        await page.GetByTestId("save-data-use").ClickAsync();
        await Expect(page.GetByTestId("mip-status")).ToHaveAttributeAsync("data-opt-out", "true");
        await Expect(page.GetByTestId("save-data-use")).ToBeDisabledAsync();

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("mip-status")).ToHaveAttributeAsync("data-opt-out", "true");
        await Expect(page.GetByTestId("mip-status")).ToHaveTextAsync("Opted out");
        await Expect(page.GetByTestId("retention-days")).ToHaveValueAsync("14");

        await page.GotoAsync("/billing");
        var summary = page.GetByTestId("data-use-summary");
        await Expect(summary).ToHaveAttributeAsync("data-opt-out", "true");
        await Expect(summary).ToContainTextAsync("50% participation discount does not apply");
        await BrowserFixture.WaitForCircuitAsync(page);
        await summary.GetByTestId("data-use-link").ClickAsync();
        await page.WaitForURLAsync("**/privacy");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Viewer_SeesTheDataUseSetting_ReadOnly()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Viewer);
        await page.GotoAsync("/privacy");
        await Expect(page.GetByTestId("mip-status")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("retention")).ToContainTextAsync("days");
        await Expect(page.GetByTestId("read-only-note")).ToContainTextAsync("Only an admin");
        await Expect(page.GetByTestId("mip-opt-out")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("save-data-use")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("mip-cost")).ToContainTextAsync("Enterprise");
        await page.GotoAsync("/billing");
        await Expect(page.GetByTestId("data-use-summary")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
