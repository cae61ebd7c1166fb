using System.Collections.Concurrent;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Hardening;

/// <summary>The server with every log level switched on and every line kept, for checking what it writes.</summary>
public sealed class LogCapturingFactory : HardeningFactory
{
    private readonly CapturedLogs logs = new();

    public ConcurrentQueue<string> Lines => logs.Lines;

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>(base.Overrides)
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs));
    }
}

/// <summary>API keys and passwords never reach the logs, at any level, whatever the request did with them.</summary>
[Trait("Category", "api")]
public sealed class SecretsInLogsTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task KeysAndPasswords_AreNeverLogged_EvenWithEveryLevelOn()
    {
        var key = await factory.CreateApiKeyAsync("logs");
        var password = "L0gged-" + Guid.NewGuid().ToString("N");
        var email = $"logs-{Guid.NewGuid():N}@acme.test";
        await CookieSession.CreateUserAsync(factory, "logs", email, "admin", password);
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var wrongKey = key[..^4] + "beef";

        await api.CreateModelAsync("logged model");
        await api.GetAsync($"/api/v3/custom_models?access_token={key}");
        await api.PostAsync($"/hubs/training/negotiate?negotiateVersion=1&access_token={key}", null);
        using var stranger = factory.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new("Token", wrongKey);
        await stranger.GetAsync("/api/v3/custom_models");
        await stranger.PostAsync($"/hubs/training/negotiate?negotiateVersion=1&access_token={wrongKey}", null);
        (await CookieSession.SignInAsync(factory, email, password)).Dispose();
        using var browser = CookieSession.Browser(factory);
        await browser.PostAsync("/account/login", new FormUrlEncodedContent(await CookieSession.LoginFormAsync(browser, email, password + "x")));

        var lines = factory.Lines.ToArray();
        Assert.True(lines.Length > 50, $"only {lines.Length} log lines: is capturing on?");
        Assert.Contains(lines, l => l.Contains("/hubs/training/negotiate", StringComparison.Ordinal) || l.Contains("ApiKey", StringComparison.Ordinal));
        foreach (var secret in new[] { key, key[4..], wrongKey, password, password + "x" })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
    }
}
