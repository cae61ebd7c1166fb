using System.Net;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace Dashboard.Tests.Hardening;

public sealed class ThrottleFactory : HardeningFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>(base.Overrides)
    {
        ["RateLimits:FailedSignInsPerClient"] = "5",
        ["RateLimits:FailedSignInWindowSeconds"] = "120",
    };
}

/// <summary>Guessing keys or passwords from one address is slowed down (429 + Retry-After); other addresses are not affected.</summary>
[Trait("Category", "api")]
public sealed class SignInThrottleTests(ThrottleFactory factory) : IClassFixture<ThrottleFactory>
{
    private const string WrongKey = "cmk_000000000000000000000000000000000000000000000000";

    /// <summary>One request from a given client address (the in-memory server lets the test set the connection's address).</summary>
    private async Task<(int Status, string? RetryAfter, string Body, string? Location)> SendAsync(string address, string method, string path,
        string? authorization = null, HttpContent? form = null, string? cookie = null, string accept = "application/json")
    {
        var formBytes = form is null ? null : await form.ReadAsByteArrayAsync();
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers.Accept = accept;
            if (authorization is not null) c.Request.Headers.Authorization = authorization;
            if (cookie is not null) c.Request.Headers.Cookie = cookie;
            if (formBytes is not null)
            {
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream(formBytes);
            }
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.FirstOrDefault(), body, context.Response.Headers.Location.FirstOrDefault());
    }

    [Fact]
    public async Task WrongApiKeysFromOneAddress_Get429WithRetryAfter_AfterTheLimit_WhileOtherAddressesAreServed()
    {
        var key = "Bearer " + await factory.CreateApiKeyAsync("throttled");
        for (var i = 0; i < 5; i++)
            Assert.Equal(401, (await SendAsync("203.0.113.7", "GET", "/api/v3/custom_models", "Bearer " + WrongKey)).Status);

        var refused = await SendAsync("203.0.113.7", "GET", "/api/v3/custom_models", "Bearer " + WrongKey);
        var evenTheRightKey = await SendAsync("203.0.113.7", "GET", "/api/v3/custom_models", key);
        var otherClient = await SendAsync("198.51.100.9", "GET", "/api/v3/custom_models", key);
        var otherClientWrongKey = await SendAsync("198.51.100.9", "GET", "/api/v3/custom_models", "Bearer " + WrongKey);

        Assert.Equal(429, refused.Status);
        var envelope = JsonNode.Parse(refused.Body)!;
        Assert.Equal("RATE_LIMITED", (string?)envelope["error_code"]);
        Assert.InRange(int.Parse(refused.RetryAfter!), 1, 120);
        Assert.Equal(int.Parse(refused.RetryAfter!), (int)envelope["details"]!["retry_after_seconds"]!);
        Assert.Equal(429, evenTheRightKey.Status);
        Assert.Equal(200, otherClient.Status);
        Assert.Equal(401, otherClientWrongKey.Status);
    }

    [Fact]
    public async Task AKeyInAWebSocketSubprotocol_IsHeldBackToo_OnceTheAddressHasGuessedTooOften()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(401, (await SendAsync("203.0.113.77", "GET", "/api/v3/custom_models", "Bearer " + WrongKey)).Status);

        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.77");
            c.Request.Method = "POST";
            c.Request.Path = "/v1/listen";
            c.Request.Headers.Accept = "application/json";
            c.Request.Headers.SecWebSocketProtocol = "token, " + WrongKey;
        });

        Assert.Equal(429, context.Response.StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAnyKey_AreNotCountedAsGuesses()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(401, (await SendAsync("203.0.113.50", "GET", "/api/v3/custom_models")).Status);

        Assert.Equal(401, (await SendAsync("203.0.113.50", "GET", "/api/v3/custom_models", "Bearer " + WrongKey)).Status);
    }

    [Fact]
    public async Task WrongPasswordsFromOneAddress_AreSlowedDown_TheFormGoesBackToSignIn_AndAScriptGets429()
    {
        var email = $"throttle-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "throttled", email, "member");
        using var browser = CookieSession.Browser(factory);
        var login = await factory.Server.SendAsync(c => { c.Request.Method = "GET"; c.Request.Path = "/login"; });
        var antiforgery = string.Join("; ", login.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var token = CookieSession.AntiforgeryTokenIn(await new StreamReader(login.Response.Body).ReadToEndAsync());
        var wrong = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = "wrong-password", ["ReturnUrl"] = "/models" };
        for (var i = 0; i < 5; i++)
        {
            var attempt = await SendAsync("203.0.113.80", "POST", "/account/login", form: new FormUrlEncodedContent(wrong), cookie: antiforgery, accept: "text/html");
            Assert.Matches("error=(invalid|locked)", attempt.Location ?? attempt.Body); // Identity also locks the account after 5
        }

        var page = await SendAsync("203.0.113.80", "POST", "/account/login", form: new FormUrlEncodedContent(wrong), cookie: antiforgery, accept: "text/html");
        var script = await SendAsync("203.0.113.80", "POST", "/account/login", form: new FormUrlEncodedContent(wrong), cookie: antiforgery);
        var otherAddress = await SendAsync("198.51.100.80", "POST", "/account/login", form: new FormUrlEncodedContent(wrong), cookie: antiforgery, accept: "text/html");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/login?error=throttled", page.Location, StringComparison.Ordinal);
        Assert.NotNull(page.RetryAfter);
        Assert.Equal(429, script.Status);
        Assert.Equal("RATE_LIMITED", (string?)JsonNode.Parse(script.Body)!["error_code"]);
        Assert.Matches("error=(invalid|locked)", otherAddress.Location ?? otherAddress.Body);
        var shown = await browser.GetStringAsync(page.Location);
        Assert.Contains("Too many failed sign-ins", shown, StringComparison.Ordinal);
    }
}
