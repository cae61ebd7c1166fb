using Dashboard.Shared.Errors;
using Dashboard.Server.Errors;
using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Dashboard.Shared;
using Dashboard.Shared.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Models;

/// <summary>The seed's model endpoints: create, list, read, update, delete.</summary>
public static class CustomModelEndpoints
{
    public const string Segment = ApiRoutes.CustomModels;
    public const string Route = ApiRoutes.Prefix + Segment;

    /// <summary>Maps the model endpoints in the API group and returns their group, for the features that extend a model's routes.</summary>
    public static RouteGroupBuilder MapCustomModelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Segment).WithTags("Custom models")
            .RequireApiCaller();
        group.MapPost("", CreateModel).RequireRateLimiting(RateLimitPolicies.ModelCreation).RequireAuthorization(Roles.CanTrain)
            .CanFailWith(ErrorCodes.ModelLimitExceeded);
        group.MapGet("", ListModels).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        group.MapGet("{id:int}", GetModel).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        group.MapPost("{id:int}", UpdateModel).RequireAuthorization(Roles.CanTrain);
        group.MapDelete("{id:int}", DeleteModel).RequireAuthorization(Roles.CanTrain);
        return group;
    }

    /// <summary>Creates a custom model (status 1, Not Running) within the plan's model limit.</summary>
    public static async Task<Created<ModelDto>> CreateModel(CreateModelRequest request, ClaimsPrincipal user, ModelService models, CancellationToken ct)
    {
        var model = await models.CreateAsync(user.OrganizationIdOf(), request, ct);
        return TypedResults.Created($"{Route}/{model.Id}", model);
    }

    /// <summary>The organization's models, newest first, paged (per_page at most 100), optionally filtered by training_status.</summary>
    public static async Task<Ok<ModelListResponse>> ListModels(
        ClaimsPrincipal user, ModelService models, CancellationToken ct,
        [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 20, [FromQuery(Name = "training_status")] TrainingStatus? status = null) =>
        TypedResults.Ok(await models.ListAsync(user.OrganizationIdOf(), page, perPage, status, ct));

    /// <summary>The status check: training status and progress, data hours, cost estimate and the serving version's metrics.</summary>
    public static async Task<Ok<ModelDto>> GetModel(int id, ClaimsPrincipal user, ModelStatusReader models, CancellationToken ct) =>
        TypedResults.Ok(await models.GetAsync(user.OrganizationIdOf(), id, ct));

    /// <summary>Changes the model's name or description (base model and language not while it trains).</summary>
    public static async Task<Ok<ModelDto>> UpdateModel(int id, UpdateModelRequest request, ClaimsPrincipal user, ModelService models, CancellationToken ct) =>
        TypedResults.Ok(await models.UpdateAsync(user.OrganizationIdOf(), id, request, ct));

    /// <summary>Deletes the model with its data files, versions, artifacts and stored audio.</summary>
    public static async Task<Ok<DeletedResponse>> DeleteModel(int id, ClaimsPrincipal user, ModelService models, AuditLog audit, CancellationToken ct)
    {
        await models.DeleteAsync(user.OrganizationIdOf(), id, ct);
        await audit.RecordAsync(user, AuditActions.ModelDelete, AuditResources.Model(id), AuditResources.ModelDeleteDetail);
        return TypedResults.Ok(new DeletedResponse(id, true));
    }
}
