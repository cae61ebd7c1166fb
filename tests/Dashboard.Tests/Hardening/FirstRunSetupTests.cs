using System.Net;
using Dashboard.Server.Persistence;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// /setup exists for an install with no organization at all. An install used through the API only (an organization
/// and a key made with create-api-key, no dashboard user yet) must not hand that organization to the first visitor.
/// </summary>
[Trait("Category", "api")]
public sealed class FirstRunSetupTests
{
    private const string Password = "Fresh-start1";

    [Fact]
    public async Task OnAnApiOnlyInstall_SetupIsClosed_AndPostingItsFormJoinsNoOrganization()
    {
        using var factory = new DashboardFactory();
        await factory.CreateApiKeyAsync("acme", plan: "growth");
        using var browser = CookieSession.Browser(factory);

        var setupPage = await browser.GetAsync("/setup");
        var loginPage = await browser.GetAsync("/login");
        var loginHtml = await loginPage.Content.ReadAsStringAsync();
        var posted = await browser.PostAsync("/account/setup", SetupForm(await AntiforgeryTokenAsync(browser), "acme", "intruder@evil.test"));

        Assert.NotEqual(HttpStatusCode.OK, setupPage.StatusCode); // redirected away, never the form
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Contains("create-user", loginHtml, StringComparison.Ordinal); // the operator is told how to make the first user
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)));
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal("growth", await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == "acme").Select(o => o.Plan).SingleAsync()));
    }

    [Fact]
    public async Task OnAFreshInstall_SetupCreatesANewOrganizationAndItsAdmin_ThenCloses()
    {
        using var factory = new DashboardFactory();
        _ = factory.Server;
        using var browser = CookieSession.Browser(factory);

        var form = await browser.GetAsync("/setup");
        var done = await browser.PostAsync("/account/setup", SetupForm(await AntiforgeryTokenAsync(browser), "Fresh Clinic", "founder@fresh.test"));
        using var late = CookieSession.Browser(factory);
        var again = await late.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("/models?welcome=1", done.Headers.Location?.OriginalString);
        Assert.Equal(["Fresh Clinic"], await factory.QueryAsync(db => db.Organizations.Select(o => o.Name).ToListAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task TwoNodesCompletingSetupAtOnce_MakeOneOrganizationAndOneAdmin()
    {
        using var first = new DashboardFactory();
        using var second = new SharedDatabaseFactory(first);
        _ = first.Server;
        _ = second.Server;
        using var a = CookieSession.Browser(first);
        using var b = CookieSession.Browser(second);
        var formA = SetupForm(await AntiforgeryTokenAsync(a), "Node A Org", "a@race.test");
        var formB = SetupForm(await AntiforgeryTokenAsync(b), "Node B Org", "b@race.test");

        var answers = await Task.WhenAll(a.PostAsync("/account/setup", formA), b.PostAsync("/account/setup", formB));

        Assert.Single(answers, r => r.Headers.Location?.OriginalString == "/models?welcome=1");
        Assert.Equal(1, await first.QueryAsync(db => db.Organizations.CountAsync()));
        Assert.Equal(1, await first.QueryAsync(db => db.Users.CountAsync()));
    }

    private static FormUrlEncodedContent SetupForm(string token, string organization, string email) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token, ["Organization"] = organization, ["Plan"] = "enterprise",
        ["Email"] = email, ["Password"] = Password, ["ConfirmPassword"] = Password,
    });

    /// <summary>A token from whichever form the install shows a stranger: /setup while it is open, else /login.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page = "/setup") =>
        await CookieSession.AntiforgeryTokenAsync(browser, (await browser.GetAsync(page)).StatusCode == HttpStatusCode.OK ? page : "/login");

    /// <summary>A second server process on the first one's database and storage folder, as a second node would be.</summary>
    private sealed class SharedDatabaseFactory(DashboardFactory first) : DashboardFactory
    {
        protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
        {
            ["Storage:Root"] = first.StorageRoot,
            ["ConnectionStrings:Dashboard"] = $"Data Source={first.DatabasePath}",
        };
    }
}
