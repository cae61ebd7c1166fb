using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class UsersTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_AddsAMemberAndAViewer_AndTheViewersRoleIsEnforced()
    {
        var member = $"member-{Guid.NewGuid():N}@acme.test";
        var viewer = $"viewer-{Guid.NewGuid():N}@acme.test";
        var admin = await fixture.SignInAsync(BrowserFixture.Admin);
        await OpenUsersAsync(admin);
        await AddUserAsync(admin, member, "member");
        await AddUserAsync(admin, viewer, "viewer");
        await Expect(Row(admin, member)).ToHaveAttributeAsync("data-role", "member");
        await Expect(Row(admin, viewer)).ToHaveAttributeAsync("data-role", "viewer");

        await AddUserAsync(admin, viewer, "member", expectAdded: false);
        await Expect(admin.GetByTestId("add-user-error")).ToContainTextAsync("already has an account");
        await admin.GetByTestId("user-email").FillAsync("someone-new@acme.test");
        await admin.GetByTestId("user-password").FillAsync("password");
        await admin.GetByTestId("add-user").ClickAsync();
        await Expect(admin.GetByTestId("add-user-error")).ToContainTextAsync("uppercase");
        await admin.GetByTestId("user-email").FillAsync("not an email");
        await admin.GetByTestId("add-user").ClickAsync();
        await Expect(admin.Locator(".validation-message")).ToContainTextAsync("not an email address");

        var page = await fixture.SignInAsync(viewer, password: InitialPassword);
        await Expect(page.GetByTestId("create-model")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);
        await page.GotoAsync("/privacy");
        await Expect(page.GetByTestId("read-only-note")).ToBeVisibleAsync();
        var status = await page.EvaluateAsync<int>("fetch('/api/v3/account', { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' }, body: '{\"mip_opt_out\":true}' }).then(r => r.status)");
        Assert.Equal(403, status);
        await page.Context.CloseAsync();

        await Row(admin, member).GetByTestId("remove-user").ClickAsync();
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(Row(admin, member)).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLastAdmin_CanBeNeitherRemovedNorDemoted()
    {
        const string org = "Solo Labs", lead = "lead@solo.test";
        await fixture.Server.CreateUserAsync(org, lead, "admin");
        var page = await fixture.SignInAsync(lead);
        await OpenUsersAsync(page);
        var row = Row(page, lead);
        await Expect(row.GetByTestId("you")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("remove-user")).ToBeDisabledAsync();

        await row.GetByTestId("user-role-select").SelectOptionAsync("member");
        await Expect(page.GetByTestId("users-error")).ToContainTextAsync("at least one admin");
        await Expect(Row(page, lead)).ToHaveAttributeAsync("data-role", "admin");
        await Expect(Row(page, lead).GetByTestId("user-role-select")).ToHaveValueAsync("admin");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("nav-users")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_OpeningUsersOrKeys_SeesNotAllowed_WithAWayBack()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        await Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/users", "/keys" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            Assert.EndsWith(path, page.Url);
            await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("not allowed");
            await Expect(page.GetByTestId("user-row")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("create-key")).ToHaveCountAsync(0);
        }
        await BrowserFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("access-denied-back").ClickAsync();
        await page.WaitForURLAsync("**/models");
        await Expect(page.GetByTestId("create-model")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ARoleChange_ReachesAnOpenTab_WithoutSigningInAgain()
    {
        const string org = "Shift Works", lead = "lead@shift.test", worker = "worker@shift.test";
        await fixture.Server.CreateUserAsync(org, lead, "admin");
        await fixture.Server.CreateUserAsync(org, worker, "member");
        var member = await fixture.SignInAsync(worker);
        await Expect(member.GetByTestId("create-model")).ToBeVisibleAsync();

        var admin = await fixture.SignInAsync(lead);
        await OpenUsersAsync(admin);
        await Row(admin, worker).GetByTestId("user-role-select").SelectOptionAsync("admin");
        await Expect(Row(admin, worker)).ToHaveAttributeAsync("data-role", "admin");

        await Expect(member.GetByTestId("nav-users")).ToBeVisibleAsync(); // same tab, no reload: the menu follows
        await member.GotoAsync("/users");
        await Expect(member.GetByTestId("user-row")).ToHaveCountAsync(2);

        await Row(admin, worker).GetByTestId("user-role-select").SelectOptionAsync("viewer");
        await member.GotoAsync("/models");
        await BrowserFixture.WaitForCircuitAsync(member);
        await Expect(member.GetByTestId("create-model")).ToHaveCountAsync(0);
        await Expect(member.GetByTestId("nav-users")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
        await member.Context.CloseAsync();
    }

    private const string InitialPassword = "Welcome-2-the-team";

    private static ILocator Row(IPage page, string email) => page.Locator($"[data-testid=user-row][data-email='{email}']");

    private static async Task OpenUsersAsync(IPage page)
    {
        await page.GetByTestId("nav-users").ClickAsync();
        await page.WaitForURLAsync("**/users");
        await page.GetByTestId("user-row").First.WaitForAsync();
    }

    private static async Task AddUserAsync(IPage page, string email, string role, bool expectAdded = true)
    {
        await page.GetByTestId("user-email").FillAsync(email);
        await page.GetByTestId("user-password").FillAsync(InitialPassword);
        await page.GetByTestId("user-role").SelectOptionAsync(role);
        await page.GetByTestId("add-user").ClickAsync();
        if (expectAdded) await Expect(Row(page, email)).ToHaveCountAsync(1);
    }
}
