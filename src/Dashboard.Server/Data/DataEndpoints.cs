using System.Security.Claims;
using Dashboard.Server.Models;
using Dashboard.Server.Security;
using Dashboard.Shared.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data;

/// <summary>PUT /custom_models/{id}/data (the seed's upload) plus listing, playing and removing a model's data files.</summary>
public static class DataEndpoints
{
    public static RouteGroupBuilder MapDataApi(this RouteGroupBuilder models)
    {
        models.MapPut("{id:int}/data", UploadData).RequireRateLimiting(RateLimitPolicies.DataUpload).RequireAuthorization(Roles.CanTrain)
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        models.MapGet("{id:int}/data", ListData).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        models.MapDelete("{id:int}/data/{fileId:int}", DeleteData).RequireAuthorization(Roles.CanTrain);
        models.MapGet("{id:int}/data/{fileId:int}/audio", GetAudio);
        return models;
    }

    public static async Task<Ok<UploadResponse>> UploadData(
        int id, HttpRequest request, ClaimsPrincipal user, MultipartUploadReader reader, DataUploadService uploads,
        ModelService models, IOptions<StorageOptions> storage, CancellationToken ct)
    {
        await models.FindTrackedAsync(user.OrganizationIdOf(), id, ct); // 404 before reading a large body
        using var pair = await reader.ReadAsync(request, storage.Value.MaxUploadBytes, ct);
        return TypedResults.Ok(await uploads.AcceptAsync(user.OrganizationIdOf(), id, pair, ct));
    }

    public static async Task<Ok<DataFileListResponse>> ListData(int id, ClaimsPrincipal user, DataUploadService uploads, CancellationToken ct) =>
        TypedResults.Ok(new DataFileListResponse(await uploads.ListAsync(user.OrganizationIdOf(), id, ct)));

    public static async Task<NoContent> DeleteData(int id, int fileId, ClaimsPrincipal user, DataUploadService uploads, CancellationToken ct)
    {
        await uploads.DeleteAsync(user.OrganizationIdOf(), id, fileId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The pair's audio as uploaded, with range requests (an &lt;audio&gt; element seeks with them).</summary>
    public static async Task<FileStreamHttpResult> GetAudio(
        int id, int fileId, HttpRequest request, ClaimsPrincipal user, DataUploadService uploads, IBlobStorage storage, CancellationToken ct)
    {
        var file = await uploads.FindAsync(user.OrganizationIdOf(), id, fileId, ct);
        AudioRange.Check(request, file.AudioBytes);
        return TypedResults.Stream(storage.OpenRead(file.AudioBlob), AudioContentTypes.Of(file.Format),
            lastModified: file.CreatedAt, enableRangeProcessing: true);
    }
}
