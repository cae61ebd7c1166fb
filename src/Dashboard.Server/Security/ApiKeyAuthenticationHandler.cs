using System.Security.Claims;
using System.Text.Encodings.Web;
using Dashboard.Server.Errors;
using Dashboard.Server.Live;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

/// <summary>Reads "Authorization: Bearer KEY" or "Token KEY" (Deepgram style), or ?access_token= where <see cref="QueryTokenPolicy"/> allows it.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyLookup keys, FailedSignInThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ReadSecret(Context);
        if (secret is null) return AuthenticateResult.NoResult();
        var identity = await keys.FindAsync(secret, Context.RequestAborted);
        if (identity is null)
        {
            throttle.RecordFailure(Context);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        Claim[] claims =
        [
            new(DashboardClaims.OrganizationId, identity.OrganizationId.ToString()),
            new(DashboardClaims.ApiKeyId, identity.KeyId.ToString()),
            new(DashboardClaims.Plan, identity.Plan),
            new(ClaimTypes.Role, Roles.Admin), // an organization key may do everything the API offers
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var message = ReadSecret(Context) is not null ? "The API key is unknown or has been revoked."
            : QueryTokenPolicy.IsMisplaced(Context) ? $"An API key in the query string ({QueryTokenPolicy.Parameter}) is read only by the hub {LiveExtensions.HubPath} and WebSocket streams; send it as 'Authorization: Bearer YOUR_API_KEY'."
            : "Send your API key as 'Authorization: Bearer YOUR_API_KEY'.";
        return ErrorWriter.WriteAsync(Context, ApiErrors.Unauthorized(message), Context.RequestAborted);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ErrorWriter.WriteAsync(Context, ApiErrors.Forbidden("Your role does not allow this action."), Context.RequestAborted);

    /// <summary>
    /// The request sends something where an API key is read (well formed or not): the scheme selector picks the key over
    /// the cookie for it, and <see cref="SecurityHeaders"/> holds it back from a client that has guessed too often.
    /// </summary>
    public static bool SendsKey(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || WebSocketSubprotocolKey(context.Request) is not null || QueryTokenPolicy.Read(context) is not null;

    private static string? ReadSecret(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "Bearer ", "Token " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                return header[scheme.Length..].Trim() is { Length: > 0 } value ? value : null;
        }
        if (WebSocketSubprotocolKey(context.Request) is { } key) return key;
        return QueryTokenPolicy.Read(context);
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket upgrade, so Deepgram's clients send the key as two subprotocols:
    /// "token", KEY (or "bearer", TOKEN). The server answers with the first of them.
    /// </summary>
    public static string? WebSocketSubprotocolKey(HttpRequest request)
    {
        // Read from the header: authentication runs before the WebSocket middleware marks the request as an upgrade.
        var protocols = request.Headers.SecWebSocketProtocol.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        for (var i = 0; i + 1 < protocols.Count; i++)
        {
            if (protocols[i].Equals("token", StringComparison.OrdinalIgnoreCase) || protocols[i].Equals("bearer", StringComparison.OrdinalIgnoreCase))
                return protocols[i + 1];
        }
        return null;
    }
}
