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

    private static string? ReadSecret(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "Bearer ", "Token " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                return header[scheme.Length..].Trim() is { Length: > 0 } value ? value : null;
        }
        return QueryTokenPolicy.Read(context);
    }
}
