using Dashboard.Shared.Errors;
using Dashboard.Server.Errors;
using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Data.Archives;
using Dashboard.Server.Models;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Data;
using Dashboard.Shared.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Dashboard.Server.Storage;

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
            .CanFailWith(ErrorCodes.InvalidAudio, ErrorCodes.InvalidTranscript, ErrorCodes.PayloadTooLarge, ErrorCodes.UnsupportedMediaType)
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        models.MapGet("{id:int}/data", ListData).RequireRateLimiting(RateLimitPolicies.StatusCheck);
        models.MapDelete("{id:int}/data/{fileId:int}", DeleteData).RequireAuthorization(Roles.CanTrain).CanFailWith(ErrorCodes.NotFound, ErrorCodes.Conflict);
        models.MapGet("{id:int}/data/{fileId:int}/audio", GetAudio).CanFailWith(ErrorCodes.NotFound);
        return models;
    }

    /// <summary>Uploads one pair (audio_file + transcript_file, type=train|test), text data (type=text + text_file) or a ZIP of pairs (archive_file); every file is checked before anything is stored.</summary>
    public static async Task<Results<Ok<UploadResponse>, Ok<ArchiveUploadResponse>>> UploadData(
        int id, HttpRequest request, ClaimsPrincipal user, MultipartUploadReader reader, DataUploadService uploads,
        ArchiveUploadService archives, ModelService models, IOptions<StorageOptions> storage, MipPolicy mip, PoolKeeper pool, AuditLog audit,
        CancellationToken ct, [FromQuery(Name = MipOptOutFlag.Name)] string? mipOptOut = null)
    {
        await models.FindTrackedAsync(user.OrganizationIdOf(), id, ct); // 404 before reading a large body
        var decision = await mip.DecideAsync(user.OrganizationIdOf(), mipOptOut, ct); // 400 for a bad flag, before the body too
        using var upload = await reader.ReadAsync(request, storage.Value, ct);
        async Task KeepAsync(DataFileDto file, string kind)
        {
            var kept = await pool.KeepDataFileAsync(decision, file.Id, kind, ct);
            await audit.RecordAsync(user, AuditActions.DataAdd, AuditResources.DataFile(id, file.Id), PoolDetail(decision, kept));
        }
        if (upload.Archive is not null)
        {
            var archive = await archives.AcceptAsync(user.OrganizationIdOf(), id, upload, ct);
            foreach (var file in archive.Accepted) await KeepAsync(file, RetainedKinds.Archive);
            return TypedResults.Ok(archive);
        }
        var accepted = await uploads.AcceptAsync(user.OrganizationIdOf(), id, upload, ct);
        await KeepAsync(accepted.File, accepted.File.Type == DataSetTypes.Text ? RetainedKinds.Text : RetainedKinds.Upload);
        return TypedResults.Ok(accepted);
    }

    /// <summary>The Model Improvement Program's decision, recorded with the upload.</summary>
    public static string PoolDetail(MipDecision decision, int? keptItem) => keptItem is { } item
        ? $"mip_opt_out=false; a copy is retained item {item}"
        : $"mip_opt_out=true{(decision.ByAccount ? " (account setting)" : "")}; no copy kept";

    /// <summary>The model's data files with their probe results (duration, sample rate, channels, bit rate) and warnings.</summary>
    public static async Task<Ok<DataFileListResponse>> ListData(int id, ClaimsPrincipal user, DataUploadService uploads, AuditLog audit, CancellationToken ct)
    {
        var files = await uploads.ListAsync(user.OrganizationIdOf(), id, ct);
        await audit.RecordAsync(user, AuditActions.DataRead, AuditResources.ModelData(id), files.Count == 1 ? "1 file" : $"{files.Count} files");
        return TypedResults.Ok(new DataFileListResponse(files));
    }

    /// <summary>Removes one data file and its stored audio and transcript (not while the model trains).</summary>
    public static async Task<NoContent> DeleteData(int id, int fileId, ClaimsPrincipal user, DataUploadService uploads, AuditLog audit, CancellationToken ct)
    {
        await uploads.DeleteAsync(user.OrganizationIdOf(), id, fileId, ct);
        await audit.RecordAsync(user, AuditActions.DataDelete, AuditResources.DataFile(id, fileId));
        return TypedResults.NoContent();
    }

    /// <summary>The pair's audio as uploaded, with range requests (an &lt;audio&gt; element seeks with them).</summary>
    public static async Task<FileStreamHttpResult> GetAudio(
        int id, int fileId, HttpRequest request, ClaimsPrincipal user, DataUploadService uploads, IBlobStorage storage, AuditLog audit, CancellationToken ct)
    {
        var file = await uploads.FindAsync(user.OrganizationIdOf(), id, fileId, ct);
        if (!file.HasAudio) throw ApiErrors.NotFound("Audio of data file", fileId);
        AudioRange.Check(request, file.AudioBytes);
        await audit.RecordAsync(user, AuditActions.DataDownload, AuditResources.DataFile(id, fileId));
        return TypedResults.Stream(storage.OpenRead(file.AudioBlob), AudioContentTypes.Of(file.Format),
            lastModified: file.CreatedAt, enableRangeProcessing: true);
    }
}
