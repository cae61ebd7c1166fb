using Dashboard.Shared.Models;
using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The pages work under their Content-Security-Policy in Chromium: signing in, creating a model, uploading a pair,
/// training with live updates and every admin page, with no CSP violation reported by the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EveryPage_WorksUnderTheContentSecurityPolicy_WithNoViolationReported()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        await context.AddInitScriptAsync("""
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
            """);
        var violations = new ConcurrentQueue<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue(message.Text);
        };

        var response = await page.GotoAsync("/login");
        Assert.Contains("frame-ancestors 'none'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        // The policy is enforced and violations are seen: an injected inline script is blocked and reported.
        await page.EvaluateAsync("document.head.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.__injected = 1' }))");
        await page.WaitForFunctionAsync("window.__csp.length > 0");
        Assert.Null(await page.EvaluateAsync<int?>("window.__injected ?? null"));
        Assert.Contains("script-src", string.Join(" ", await page.EvaluateAsync<string[]>("window.__csp")), StringComparison.Ordinal);
        await page.EvaluateAsync("window.__csp = []");
        violations.Clear();
        await page.GetByTestId("login-email").FillAsync(BrowserFixture.Admin);
        await page.GetByTestId("login-password").FillAsync(DashboardServer.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync("**/models");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Collect(page, violations);

        var id = await BrowserFlows.CreateModelAsync(page, "CSP model " + Guid.NewGuid().ToString("N")[..6]);
        var pairs = await BrowserFlows.SpeechPairsAsync("csp", 1);
        await BrowserFlows.UploadAsync(page, "train", pairs, 1);
        await BrowserFlows.UploadAsync(page, "test", pairs, 1);
        await page.GetByTestId("start-training").ClickAsync();
        await BrowserFlows.WaitForStatusAsync(page, TrainingStatus.Success);
        await Expect(page.GetByTestId("log-line").First).ToBeVisibleAsync();
        await Collect(page, violations);
        if (Environment.GetEnvironmentVariable("CSP_SCREENSHOT") is { Length: > 0 } shot)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });

        foreach (var path in new[] { "/models", "/billing", "/keys", "/users", "/privacy", $"/models/{id}" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Collect(page, violations);
        }
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/login**");
        await Collect(page, violations);

        Assert.True(violations.IsEmpty, "CSP violations:\n" + string.Join("\n", violations));
        await context.CloseAsync();
    }

    /// <summary>Violations the page recorded since it loaded (the list lives in the page, so read it before leaving).</summary>
    private static async Task Collect(IPage page, ConcurrentQueue<string> violations)
    {
        foreach (var v in await page.EvaluateAsync<string[]>("window.__csp ?? []")) violations.Enqueue($"{page.Url}: {v}");
        await page.EvaluateAsync("window.__csp = []");
    }
}
