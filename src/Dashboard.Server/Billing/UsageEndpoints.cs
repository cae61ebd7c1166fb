using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Shared.Billing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Billing;

/// <summary>GET /api/v3/usage: the organization's ledger (training charges, and transcription once it is billed).</summary>
public static class UsageEndpoints
{
    public static IEndpointRouteBuilder MapUsageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", GetUsage).WithTags("Usage")
            .RequireApiCaller()
            .RequireRateLimiting(RateLimitPolicies.StatusCheck);
        return api;
    }

    /// <summary>The organization's usage ledger: one entry per transcription request (kind, model, audio seconds, amount, discount, mip_opt_out) and per successful training run.</summary>
    public static async Task<Ok<UsageResponse>> GetUsage(ClaimsPrincipal user, BillingService billing, CancellationToken ct) =>
        TypedResults.Ok(await billing.UsageAsync(user.OrganizationIdOf(), ct));
}
