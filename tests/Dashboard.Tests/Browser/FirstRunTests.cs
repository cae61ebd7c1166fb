using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A fresh install in the browser: /login leads to /setup, the first visitor creates the organization and its admin
/// and is signed in; then /setup is gone for good. Accounts: a user changes their own password, an admin resets a
/// member's password (shown once) and changes the plan within what the operator allows.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class FirstRunTests(BrowserFixture fixture)
{
    private const string AdminEmail = "founder@fresh.test";
    private const string AdminPassword = "Fresh-start1";

    [Fact]
    public async Task FreshInstall_LoginLeadsToSetup_FirstAdminIsSignedIn_ThenSetupIsGone()
    {
        await using var server = await DashboardServer.StartAsync(settings: new Dictionary<string, string> { ["Accounts__AllowedPlans"] = "gold,enterprise" });
        var page = await NewPageAsync(server);
        await page.GotoAsync("/login");
        await page.WaitForURLAsync("**/setup");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestTemp.Root, "setup-1400.png") });

        await FillSetupAsync(page, "Fresh Clinic", AdminEmail, AdminPassword, "different-1A!");
        await Expect(page.GetByTestId("setup-error")).ToContainTextAsync("differ");
        await Expect(page.GetByTestId("setup-organization")).ToHaveValueAsync("Fresh Clinic");
        await FillSetupAsync(page, "Fresh Clinic", AdminEmail, AdminPassword, AdminPassword);
        await page.WaitForURLAsync("**/models?welcome=1");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("nav-users")).ToBeVisibleAsync();

        await page.GotoAsync("/setup");
        await page.WaitForURLAsync("**/models");
        var stranger = await NewPageAsync(server);
        await stranger.GotoAsync("/setup");
        await stranger.WaitForURLAsync("**/login**");
        var token = await stranger.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = stranger.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!).Set("Organization", "Intruder Inc").Set("Plan", "gold")
            .Set("Email", "x@intruder.test").Set("Password", AdminPassword).Set("ConfirmPassword", AdminPassword);
        var post = await stranger.APIRequest.PostAsync("/account/setup", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(404, post.Status);
        await stranger.Context.CloseAsync();

        await page.GotoAsync("/billing");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("plan-select").Locator("option")).ToHaveCountAsync(2);
        await page.GetByTestId("plan-select").SelectOptionAsync("enterprise");
        await page.GetByTestId("change-plan").ClickAsync();
        await Expect(page.GetByTestId("plan-name")).ToHaveTextAsync("Enterprise");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_ChangesOwnPassword_AndAdminResetsIt_ToATemporaryOneShownOnce()
    {
        var member = $"pw-{Guid.NewGuid():N}@acme.test";
        await fixture.Server.CreateUserAsync(BrowserFixture.Org, member, "member", BrowserFixture.Plan);
        var page = await fixture.SignInAsync(member);
        await page.GetByTestId("nav-account").ClickAsync();
        await page.WaitForURLAsync("**/account");
        await BrowserFixture.WaitForCircuitAsync(page);
        await ChangePasswordAsync(page, "wrong-Passw0rd", "N3w-password!");
        await Expect(page.GetByTestId("password-error")).ToContainTextAsync("current password is not correct");
        await ChangePasswordAsync(page, DashboardServer.Password, "N3w-password!");
        await Expect(page.Locator(".rz-notification-title")).ToContainTextAsync("Password changed");
        await page.Context.CloseAsync();
        await (await fixture.SignInAsync(member, password: "N3w-password!")).Context.CloseAsync();

        var admin = await fixture.SignInAsync(BrowserFixture.Admin);
        await admin.GotoAsync("/users");
        await BrowserFixture.WaitForCircuitAsync(admin);
        await admin.Locator($"[data-testid=user-row][data-email='{member}']").GetByTestId("reset-password").ClickAsync();
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        var temporary = (await admin.GetByTestId("temporary-password-value").InnerTextAsync()).Trim();
        Assert.True(temporary.Length >= 12, temporary);
        await admin.ReloadAsync();
        await Expect(admin.GetByTestId("temporary-password")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
        await (await fixture.SignInAsync(member, password: temporary)).Context.CloseAsync();
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.GetByTestId("current-password").FillAsync(current);
        await page.GetByTestId("new-password").FillAsync(next);
        await page.GetByTestId("confirm-password").FillAsync(next);
        await page.GetByTestId("change-password").ClickAsync();
    }

    private static async Task FillSetupAsync(IPage page, string organization, string email, string password, string confirm)
    {
        await page.GetByTestId("setup-organization").FillAsync(organization);
        await page.GetByTestId("setup-plan").SelectOptionAsync("gold");
        await page.GetByTestId("setup-email").FillAsync(email);
        await page.GetByTestId("setup-password").FillAsync(password);
        await page.GetByTestId("setup-confirm").FillAsync(confirm);
        await page.GetByTestId("setup-submit").ClickAsync();
    }

    private async Task<IPage> NewPageAsync(DashboardServer server)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(BrowserFixture.StepTimeoutMs);
        return await context.NewPageAsync();
    }
}
