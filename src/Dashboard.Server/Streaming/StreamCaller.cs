using System.Security.Claims;
using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Streaming;

/// <summary>Who opened a stream, and the subprotocol to answer with (the browser form of the key needs one echoed back).</summary>
public sealed record StreamCaller(ClaimsPrincipal Principal, string? SubProtocol)
{
    /// <summary>
    /// An API key (Authorization: Token/Bearer, or the subprotocols token, KEY); else the dashboard's signed-in session,
    /// but only for an upgrade from the dashboard's own origin (a cookie alone would let any site open streams on the
    /// user's account). A bad key is 401, a session from another origin 403: both before the upgrade.
    /// </summary>
    public static async Task<StreamCaller> AuthenticateAsync(HttpContext http)
    {
        var key = await http.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
        if (key.Succeeded) return new StreamCaller(key.Principal, SubProtocolOf(http));
        if (key.Failure is not null) throw Unauthorized("The API key is unknown or has been revoked.");
        if (!http.Request.Cookies.ContainsKey(SecurityExtensions.CookieName))
            throw Unauthorized("Send your API key as 'Authorization: Token YOUR_API_KEY', or as the subprotocols 'token' and the key.");
        if (!IsSameOrigin(http.Request)) throw ApiErrors.Forbidden("A signed-in session may open a stream from the dashboard's own pages only; other clients send an API key.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded ? new StreamCaller(session.Principal, null) : throw Unauthorized("Your session has ended; sign in again.");
    }

    private static ApiException Unauthorized(string message) => new(401, "Unauthorized", ErrorCodes.Unauthorized, message);

    private static string? SubProtocolOf(HttpContext http)
    {
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        return offered.FirstOrDefault(p => p.Equals("token", StringComparison.OrdinalIgnoreCase) || p.Equals("bearer", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSameOrigin(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase);
}
