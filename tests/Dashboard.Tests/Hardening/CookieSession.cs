using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>Signs in through the real /login form (its antiforgery token included), as a browser does.</summary>
public static partial class CookieSession
{
    public const string Password = "S3cure-pass-word";

    public static async Task CreateUserAsync(DashboardFactory factory, string organization, string email, string role, string password = Password)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganizationService>().GetOrCreateAsync(organization, "enterprise", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(org.Id, email, password, role);
    }

    public static HttpClient Browser(DashboardFactory factory, string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>The sign-in form's fields with a fresh antiforgery token (its cookie stays in <paramref name="browser"/>).</summary>
    public static async Task<Dictionary<string, string>> LoginFormAsync(HttpClient browser, string email, string password) =>
        new() { ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, "/login"), ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/models" };

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (its cookie stays in <paramref name="browser"/>).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetStringAsync(path);
        return AntiforgeryTokenIn(page);
    }

    /// <summary>The antiforgery token of the first form on a rendered page.</summary>
    public static string AntiforgeryTokenIn(string html)
    {
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>A client carrying the user's sign-in cookie.</summary>
    public static async Task<HttpClient> SignInAsync(DashboardFactory factory, string email, string password = Password, string baseAddress = "http://localhost")
    {
        var browser = Browser(factory, baseAddress);
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(await LoginFormAsync(browser, email, password)));
        Assert.Equal("/models", response.Headers.Location?.OriginalString);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
