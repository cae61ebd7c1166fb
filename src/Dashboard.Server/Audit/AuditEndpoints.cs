using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Audit;

/// <summary>GET /api/v3/audit: the organization's audit log, newest first, paged like the models list (admins).</summary>
public static class AuditEndpoints
{
    private const string Route = "/audit";

    public static IEndpointRouteBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet(Route, ListAudit).WithTags("Audit")
            .RequireApiCaller()
            .RequireAuthorization(Roles.CanAdminister)
            .RequireRateLimiting(RateLimitPolicies.StatusCheck);
        return api;
    }

    /// <summary>Who read, downloaded, added or deleted data, and when: the organization's audit log, newest first (admins and API keys).</summary>
    public static async Task<Ok<AuditListResponse>> ListAudit(
        ClaimsPrincipal user, AuditLog audit, CancellationToken ct,
        [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 20) =>
        TypedResults.Ok(await audit.ListAsync(user.OrganizationIdOf(), page, perPage, ct));
}
