using System.Security.Claims;
using Dashboard.Server.Data;
using Dashboard.Server.Security;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Privacy;

/// <summary>The retained pool of the Model Improvement Program: list, play, delete, and add an item to a model's training data.</summary>
public static class RetainedPoolEndpoints
{
    private const string Route = "/mip/items";

    public static IEndpointRouteBuilder MapRetainedPoolApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Route).WithTags("Model Improvement Program")
            .RequireApiCaller();
        group.MapGet("", ListItems).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        group.MapGet("{id:int}/audio", GetAudio);
        group.MapDelete("{id:int}", DeleteItem).RequireAuthorization(Roles.CanTrain);
        group.MapPost("{id:int}/add_to_model", AddToModel).RequireAuthorization(Roles.CanTrain).RequireRateLimiting(RateLimitPolicies.DataUpload);
        return api;
    }

    /// <summary>The retained pool: production requests kept under the Model Improvement Program, newest first, paged.</summary>
    public static async Task<Ok<RetainedItemListResponse>> ListItems(
        ClaimsPrincipal user, AuditedPool pool, CancellationToken ct,
        [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 20) =>
        TypedResults.Ok(await pool.ListAsync(user, page, perPage, ct));

    /// <summary>The item's audio as received, with range requests (an &lt;audio&gt; element seeks with them).</summary>
    public static async Task<FileStreamHttpResult> GetAudio(int id, ClaimsPrincipal user, AuditedPool pool, CancellationToken ct)
    {
        var (item, audio) = await pool.OpenAudioAsync(user, id, ct);
        return TypedResults.Stream(audio, AudioContentTypes.Of(item.AudioFormat ?? ""), lastModified: item.CreatedAt, enableRangeProcessing: true);
    }

    /// <summary>Deletes one retained item and its stored audio and transcript.</summary>
    public static async Task<Ok<DeletedResponse>> DeleteItem(int id, ClaimsPrincipal user, AuditedPool pool, CancellationToken ct)
    {
        await pool.DeleteAsync(user, id, ct);
        return TypedResults.Ok(new DeletedResponse(id, true));
    }

    /// <summary>Adds a retained item to a model's training or test data, with the transcript as edited; the model's next run uses it.</summary>
    public static async Task<Ok<UploadResponse>> AddToModel(int id, AddToModelRequest? request, ClaimsPrincipal user, AuditedPool pool, CancellationToken ct) =>
        TypedResults.Ok(await pool.AddToModelAsync(user, id, request, ct));
}
