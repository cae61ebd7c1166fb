using System.Net;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>Security headers on pages, API answers, errors and static files; cookie flags; antiforgery; nothing secret stored in clear.</summary>
[Trait("Category", "api")]
public sealed class SecurityHeaderAndCookieTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    [Theory]
    [InlineData("/login", false)]
    [InlineData("/models", false)]
    [InlineData("/_content/Dashboard.Client/dashboard.css", false)]
    [InlineData("/_framework/blazor.web.js", false)]
    [InlineData("/healthz", false)]
    [InlineData("/api/v3/custom_models", true)]
    [InlineData("/api/v3/custom_models", false)]
    [InlineData("/api/v3/custom_models/999999", true)]
    [InlineData("/api/v3/nothing_here", true)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, bool withKey)
    {
        using var client = withKey ? await factory.CreateClientForAsync("headers") : CookieSession.Browser(factory);

        var response = await client.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task TheSignInCookie_IsHttpOnlyAndSameSite_AndSecureOverHttps(string baseAddress, bool secure)
    {
        var email = $"cookie-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "cookies", email, "member");
        using var browser = CookieSession.Browser(factory, baseAddress);

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(await CookieSession.LoginFormAsync(browser, email, CookieSession.Password)));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/logout")]
    public async Task AFormPostedWithoutItsAntiforgeryToken_IsRefused_AndSignsNobodyIn(string path)
    {
        var email = $"csrf-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "csrf", email, "admin");
        using var browser = CookieSession.Browser(factory);
        var form = await CookieSession.LoginFormAsync(browser, email, CookieSession.Password);
        form.Remove("__RequestVerificationToken");

        var response = await browser.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheDatabase_HoldsNoApiKeyOrPasswordInClear()
    {
        var key = await factory.CreateApiKeyAsync("plaintext");
        var password = "Pl41n-" + Guid.NewGuid().ToString("N");
        await CookieSession.CreateUserAsync(factory, "plaintext", $"plain-{Guid.NewGuid():N}@acme.test", "admin", password);
        using var client = await factory.CreateClientForAsync("plaintext");
        await client.CreateModelAsync(); // the key is used, and cached, at least once

        var stored = Directory.GetFiles(factory.Folder, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToList();

        Assert.NotEmpty(stored);
        foreach (var secret in new[] { key, key[4..], password })
        {
            foreach (var encoding in new[] { Encoding.UTF8, Encoding.Unicode })
                Assert.DoesNotContain(stored, bytes => bytes.AsSpan().IndexOf(encoding.GetBytes(secret)) >= 0);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : "";
}
