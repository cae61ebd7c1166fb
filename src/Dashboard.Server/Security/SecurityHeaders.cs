using Dashboard.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Server.Security;

/// <summary>
/// The first middleware: security headers on every response (pages, API, errors, static files; API answers also
/// Cache-Control: no-store), and the gate that
/// refuses credentials from a client with too many recent failures (see <see cref="FailedSignInThrottle"/>).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What the Blazor pages need and no more: scripts and the circuit's WebSocket from this origin only; inline style
    /// attributes (Blazor and Radzen set them); images as data: URIs (Radzen icons) and audio from the API; no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHardening(this WebApplication app)
    {
        var throttle = app.Services.GetRequiredService<FailedSignInThrottle>();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                AddHeaders(context.Response.Headers);
                if (SecurityExtensions.IsApiPath(context.Request.Path)) context.Response.Headers.CacheControl = "no-store"; // organization data, never cached
                return Task.CompletedTask;
            });
            LimitJsonBody(context);
            if (CarriesCredentials(context) && throttle.RetryAfter(context) is { } wait)
            {
                await RefuseAsync(context, wait);
                return;
            }
            await next(context);
        });
        return app;
    }

    public static void AddHeaders(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>JSON bodies are a few fields: 1 MB, not the server's default of 30 MB, may be read into memory.</summary>
    public const long JsonBodyLimitBytes = 1024 * 1024;

    private static void LimitJsonBody(HttpContext context)
    {
        if (context.Request.HasJsonContentType() && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = JsonBodyLimitBytes;
    }

    /// <summary>An API key (header, WebSocket subprotocol or a permitted access_token) or a posted sign-in form: what a guesser sends.</summary>
    private static bool CarriesCredentials(HttpContext context) =>
        SecurityExtensions.IsApiPath(context.Request.Path) && ApiKeyAuthenticationHandler.SendsKey(context)
        || HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(AccountEndpoints.LoginPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>429 in the envelope with Retry-After; a browser's sign-in form goes back to the sign-in page, which says why.</summary>
    private static Task RefuseAsync(HttpContext context, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        if (!SecurityExtensions.IsApiPath(context.Request.Path) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.Headers.RetryAfter = seconds.ToString();
            context.Response.Redirect($"/login?error=throttled&retryAfter={seconds}");
            return Task.CompletedTask;
        }
        var error = ApiErrors.RateLimited(wait, $"Too many failed sign-in attempts from your address; retry in {seconds} seconds.");
        return ErrorWriter.WriteAsync(context, error, context.RequestAborted);
    }
}
