using System.Net;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

public sealed class QuickRefreshFactory : HardeningFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>(base.Overrides)
    {
        ["Sessions:RefreshSeconds"] = "1",
    };
}

/// <summary>
/// Once Sessions:RefreshSeconds have passed, Identity's validator re-reads the user and renews the cookie (the stamp
/// check then reads nothing more): a standing session goes on, an ended one is refused on that request too.
/// </summary>
[Trait("Category", "api")]
public sealed class SessionRenewalTests(QuickRefreshFactory factory) : IClassFixture<QuickRefreshFactory>
{
    [Fact]
    public async Task OnARefreshRequest_AStandingSessionIsRenewed_AndAnEndedOneIsRefused()
    {
        var email = $"renew-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "renew-" + Guid.NewGuid().ToString("N"), email, "member");
        using var browser = CookieSession.Browser(factory);
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(await CookieSession.LoginFormAsync(browser, email, CookieSession.Password)));
        var saved = CookieOf(signedIn)!;

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var renewal = await ReplayAsync(saved);
        Assert.Equal(HttpStatusCode.OK, renewal.StatusCode);
        Assert.NotNull(CookieOf(renewal)); // Identity's validator ran and issued a fresh cookie

        using (var scope = factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<OrganizationUserService>().ResetPasswordAsync(user!.OrganizationId, user.Id, CancellationToken.None);
        }
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(saved)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReplayAsync(CookieOf(renewal)!)).StatusCode);
    }

    private static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).SingleOrDefault(c => c.StartsWith(SecurityExtensions.CookieName + "=", StringComparison.Ordinal))
            : null;

    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v3/custom_models");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
