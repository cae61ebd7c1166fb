using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Shared.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Versions;

/// <summary>GET /custom_models/{id}/versions, and POST .../versions/{version}/serve (admins) to choose the serving version.</summary>
public static class ModelVersionEndpoints
{
    public static RouteGroupBuilder MapModelVersionsApi(this RouteGroupBuilder models)
    {
        models.MapGet("{id:int}/versions", ListVersions).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        models.MapPost("{id:int}/versions/{version:int}/serve", ServeVersion).RequireAuthorization(Roles.CanAdminister);
        return models;
    }

    /// <summary>Each successful training run of the model as a version, with its metrics and whether it serves.</summary>
    public static async Task<Ok<ModelVersionsResponse>> ListVersions(int id, ClaimsPrincipal user, ModelVersionService versions, CancellationToken ct) =>
        TypedResults.Ok(await versions.ListAsync(user.OrganizationIdOf(), id, ct));

    /// <summary>Makes this version the one that serves transcription (roll back, or serve a version worse than the base model); admins only, audited.</summary>
    public static async Task<Ok<ModelVersionsResponse>> ServeVersion(int id, int version, ClaimsPrincipal user, ModelVersionService versions, CancellationToken ct) =>
        TypedResults.Ok(await versions.ServeAsync(user.OrganizationIdOf(), id, version, user, ct));
}
