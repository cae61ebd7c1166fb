using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Data;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Server.Privacy;

/// <summary>The retained pool of the Model Improvement Program: list, play, delete, and add an item to a model's training data.</summary>
public static class RetainedPoolEndpoints
{
    public const string Route = "/api/v3/mip/items";

    public static IEndpointRouteBuilder MapRetainedPoolApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Route).WithTags("Model Improvement Program")
            .RequireApiCaller();
        group.MapGet("", ListItems).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        group.MapGet("{id:int}/audio", GetAudio);
        group.MapDelete("{id:int}", DeleteItem).RequireAuthorization(Roles.CanTrain);
        group.MapPost("{id:int}/add_to_model", AddToModel).RequireAuthorization(Roles.CanTrain).RequireRateLimiting(RateLimitPolicies.DataUpload);
        return app;
    }

    public static async Task<Ok<RetainedItemListResponse>> ListItems(
        ClaimsPrincipal user, RetainedPool pool, AuditLog audit, CancellationToken ct,
        [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 20)
    {
        var items = await pool.ListAsync(user.OrganizationIdOf(), page, perPage, ct);
        await audit.RecordAsync(user, AuditActions.PoolRead, "mip/items", ListedDetail(items));
        return TypedResults.Ok(items);
    }

    public static string ListedDetail(RetainedItemListResponse items) =>
        $"page {items.Page}: {(items.Data.Count == 0 ? "no items" : "items " + string.Join(", ", items.Data.Select(i => i.Id)))}";

    /// <summary>The item's audio as received, with range requests (an &lt;audio&gt; element seeks with them).</summary>
    public static async Task<FileStreamHttpResult> GetAudio(int id, ClaimsPrincipal user, RetainedPool pool, AuditLog audit, CancellationToken ct)
    {
        var item = await pool.FindAsync(user.OrganizationIdOf(), id, ct);
        var audio = pool.OpenAudio(item);
        await audit.RecordAsync(user, AuditActions.PoolDownload, ItemResource(id));
        return TypedResults.Stream(audio, AudioContentTypes.Of(item.AudioFormat ?? ""), lastModified: item.CreatedAt, enableRangeProcessing: true);
    }

    public static async Task<Ok<DeletedResponse>> DeleteItem(int id, ClaimsPrincipal user, RetainedPool pool, AuditLog audit, CancellationToken ct)
    {
        await pool.DeleteAsync(user.OrganizationIdOf(), id, ct);
        await audit.RecordAsync(user, AuditActions.PoolDelete, ItemResource(id));
        return TypedResults.Ok(new DeletedResponse(id, true));
    }

    public static async Task<Ok<UploadResponse>> AddToModel(
        int id, AddToModelRequest? request, ClaimsPrincipal user, PoolTrainingData training, AuditLog audit, CancellationToken ct)
    {
        var added = await training.AddToModelAsync(user.OrganizationIdOf(), id, request, ct);
        await audit.RecordAsync(user, AuditActions.PoolAddToModel, ItemResource(id), AddedDetail(added));
        return TypedResults.Ok(added);
    }

    public static string ItemResource(int id) => $"mip/items/{id}";

    public static string AddedDetail(UploadResponse added) =>
        $"to custom_model_{added.Model.Id} as {added.File.Type} data file {added.File.Id}";
}
