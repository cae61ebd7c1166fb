using System.Security.Claims;

namespace Dashboard.Server.Security;

public static class DashboardClaims
{
    public const string OrganizationId = "org_id";
    public const string ApiKeyId = "api_key_id";
    public const string Plan = "plan";
    private static readonly string SecurityStamp = new Microsoft.AspNetCore.Identity.ClaimsIdentityOptions().SecurityStampClaimType;

    public static int OrganizationIdOf(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(OrganizationId) ?? throw new InvalidOperationException("No organization on this principal."));

    /// <summary>The security stamp the user signed in with: a new one in the database ends the session.</summary>
    public static string? SecurityStampOf(this ClaimsPrincipal user) => user.FindFirstValue(SecurityStamp);

    /// <summary>The identity that rate limits count against: the API key, or the signed-in user.</summary>
    public static string RateLimitPartitionOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyId) is { } key ? $"key:{key}" : $"user:{user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous"}";
}
