using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Shared.Data;

namespace Dashboard.Server.Data.Archives;

/// <summary>
/// PUT .../data with archive_file: every pair of the ZIP checked as a single upload would be; the good ones are stored
/// together (all or, on a failure while storing, none), the others listed with the reason. One request, one upload.
/// </summary>
public sealed class ArchiveUploadService(ArchiveUnpacker unpacker, UploadChecker checker, DataUploadService uploads, ModelService models)
{
    public async Task<ArchiveUploadResponse> AcceptAsync(int organizationId, int modelId, UploadedPair upload, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var type = UploadChecker.ParseType(upload.Type, allowText: false);
        using var archive = await unpacker.UnpackAsync(upload.Archive!, upload.ArchiveFileName, ct);
        var accepted = new List<CheckedUpload>();
        var rejected = new List<RejectedPairDto>(archive.Rejected);
        foreach (var pair in archive.Pairs)
        {
            try
            {
                accepted.Add(await checker.CheckPairAsync(model.Id, type, pair.Audio, pair.AudioName, pair.Transcript, pair.TranscriptName, ct));
            }
            catch (ApiException e) when (e.StatusCode == 400)
            {
                // A bad audio file is the pair's name already; a bad transcript is named in the reason.
                var problem = e.Details.GetValueOrDefault("problem") as string;
                rejected.Add(new RejectedPairDto(pair.Name, problem is not null && Equals(e.Details.GetValueOrDefault("file"), pair.AudioName) ? problem : e.Message));
            }
        }
        if (accepted.Count == 0)
        {
            throw ArchiveEntryRules.Refused(upload.ArchiveFileName, rejected.Count == 0
                    ? "holds no audio files; put audio files with their .txt transcripts (or a trans.txt) in the archive."
                    : $"none of its {rejected.Count} files could be accepted; see details.rejected for the reasons.",
                new() { ["rejected"] = rejected });
        }
        await uploads.CommitAsync(model, accepted, ct);
        return new ArchiveUploadResponse(accepted.Select(a => ModelMapper.ToDto(a.File)).ToList(), rejected,
            accepted.SelectMany(a => a.Warnings).ToList(), await models.GetAsync(organizationId, modelId, ct));
    }
}
