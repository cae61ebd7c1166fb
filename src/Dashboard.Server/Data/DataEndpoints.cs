using System.Security.Claims;
using Dashboard.Server.Data.Archives;
using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Security;
using Dashboard.Shared.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data;

/// <summary>
/// PUT /custom_models/{id}/data (the seed's upload of a pair; also type=text with text_file, or archive_file, a ZIP of
/// pairs) plus listing, playing and removing a model's data files.
/// </summary>
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

    public static async Task<Results<Ok<UploadResponse>, Ok<ArchiveUploadResponse>>> UploadData(
        int id, HttpRequest request, ClaimsPrincipal user, MultipartUploadReader reader, DataUploadService uploads,
        ArchiveUploadService archives, ModelService models, IOptions<StorageOptions> storage, CancellationToken ct)
    {
        await models.FindTrackedAsync(user.OrganizationIdOf(), id, ct); // 404 before reading a large body
        using var upload = await reader.ReadAsync(request, storage.Value, ct);
        if (upload.Archive is not null) return TypedResults.Ok(await archives.AcceptAsync(user.OrganizationIdOf(), id, upload, ct));
        return TypedResults.Ok(await uploads.AcceptAsync(user.OrganizationIdOf(), id, upload, ct));
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
        int id, int fileId, ClaimsPrincipal user, DataUploadService uploads, IBlobStorage storage, CancellationToken ct)
    {
        var file = await uploads.FindAsync(user.OrganizationIdOf(), id, fileId, ct);
        if (!file.HasAudio) throw ApiErrors.NotFound("Audio of data file", fileId);
        return TypedResults.Stream(storage.OpenRead(file.AudioBlob), AudioContentTypes.Of(file.Format),
            lastModified: file.CreatedAt, enableRangeProcessing: true);
    }
}
