using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Shared.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Privacy;

/// <summary>GET|POST /api/v3/account: plan, the Model Improvement Program default (mip_opt_out) and retention_days.</summary>
public static class AccountSettingsEndpoints
{
    private const string Route = "/account";

    public static IEndpointRouteBuilder MapAccountSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Route).WithTags("Account")
            .RequireApiCaller();
        group.MapGet("", GetAccount).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        group.MapPost("", UpdateAccount).RequireAuthorization(Roles.CanAdminister);
        return api;
    }

    /// <summary>The organization's plan, account-level mip_opt_out and retention_days.</summary>
    public static async Task<Ok<AccountSettingsDto>> GetAccount(ClaimsPrincipal user, AccountSettingsService settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetAsync(user.OrganizationIdOf(), ct));

    /// <summary>Changes the account-level Model Improvement Program opt-out (Enterprise) or the retention days (admins).</summary>
    public static async Task<Ok<AccountSettingsDto>> UpdateAccount(
        UpdateAccountSettingsRequest? request, ClaimsPrincipal user, AccountSettingsService settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.UpdateAsync(user.OrganizationIdOf(), request, ct));
}
