using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// Posts the real sign-in form from a chosen client address (the in-memory server lets a test set the connection's
/// address), with a valid antiforgery cookie and token taken from /login once.
/// </summary>
public sealed class AddressedSignIn(DashboardFactory factory)
{
    private (string Cookie, string Token)? antiforgery;

    public sealed record Outcome(int Status, string? Location, string? SetCookie, string Body);

    public async Task<Outcome> PostAsync(string address, string email, string password, string returnUrl = "/models")
    {
        var (cookie, token) = antiforgery ??= await AntiforgeryAsync();
        var form = await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl,
        }).ReadAsByteArrayAsync();
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = "POST";
            c.Request.Path = "/account/login";
            c.Request.Headers.Accept = "text/html";
            c.Request.Headers.Cookie = cookie;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(form);
        });
        var authCookie = context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).FirstOrDefault(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal));
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new Outcome(context.Response.StatusCode, context.Response.Headers.Location.FirstOrDefault(), authCookie, body);
    }

    private async Task<(string, string)> AntiforgeryAsync()
    {
        var login = await factory.Server.SendAsync(c => { c.Request.Method = "GET"; c.Request.Path = "/login"; });
        var cookie = string.Join("; ", login.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        return (cookie, CookieSession.AntiforgeryTokenIn(await new StreamReader(login.Response.Body).ReadToEndAsync()));
    }
}
