using System.Net;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// A sign-in cookie copied before the session ended (sign-out, a password reset by an admin, the account removed)
/// stops working at once, not only after Sessions:RefreshSeconds: its security stamp no longer matches.
/// </summary>
[Trait("Category", "api")]
public sealed class SessionRevocationTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    public static TheoryData<string> Endings => ["sign-out", "password reset", "account removed"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task ACookieSavedBeforeTheSessionEnded_IsRefusedAfterwards(string ending)
    {
        var email = $"replay-{Guid.NewGuid():N}@acme.test";
        var admin = $"replay-admin-{Guid.NewGuid():N}@acme.test";
        var organization = "replay-" + Guid.NewGuid().ToString("N");
        await CookieSession.CreateUserAsync(factory, organization, email, "member");
        await CookieSession.CreateUserAsync(factory, organization, admin, "admin");
        using var browser = CookieSession.Browser(factory);
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(await CookieSession.LoginFormAsync(browser, email, CookieSession.Password)));
        var saved = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(SecurityExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(saved, "/api/v3/custom_models")).StatusCode);

        await EndAsync(ending, browser, email);

        var page = await ReplayAsync(saved, "/models");
        var api = await ReplayAsync(saved, "/api/v3/custom_models");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private async Task EndAsync(string ending, HttpClient browser, string email)
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(email);
        switch (ending)
        {
            case "sign-out":
                var token = CookieSession.AntiforgeryTokenIn(await browser.GetStringAsync("/models"));
                var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                Assert.Equal("/login?signedOut=1", signedOut.Headers.Location?.OriginalString);
                break;
            case "password reset":
                await services.GetRequiredService<OrganizationUserService>().ResetPasswordAsync(user!.OrganizationId, user.Id, CancellationToken.None);
                break;
            default:
                await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().DeleteAsync(user!);
                break;
        }
    }

    /// <summary>The saved cookie alone, sent by a client that keeps no cookies of its own (as an attacker replaying it would).</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.ParseAdd(path.StartsWith("/api", StringComparison.Ordinal) ? "application/json" : "text/html");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
