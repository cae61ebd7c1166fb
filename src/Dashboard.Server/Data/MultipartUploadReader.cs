using Dashboard.Server.Errors;

namespace Dashboard.Server.Data;

/// <summary>
/// Reads a data upload (type, and audio_file + transcript_file, or text_file, or archive_file), streaming each file to
/// staging: nothing is held in memory.
/// </summary>
public sealed class MultipartUploadReader(IBlobStorage storage)
{
    public async Task<UploadedPair> ReadAsync(HttpRequest request, StorageOptions limits, CancellationToken ct)
    {
        var maxBytes = limits.MaxUploadBytes;
        var pair = new UploadedPair();
        long remaining = maxBytes;
        try
        {
            await MultipartForm.ReadAsync(request, maxBytes,
                "Send the upload as multipart/form-data with the field type and the files audio_file and transcript_file (or text_file, or archive_file).", async part =>
                {
                    switch (part.Field)
                    {
                        case "type":
                            pair.Type = await part.ReadValueAsync(ct);
                            break;
                        case "audio_file" when pair.Audio is null:
                            pair.Audio = await storage.StageAsync(part.Section.Body, remaining, ct);
                            pair.AudioFileName = UploadedPair.DisplayName(part.FileName, "audio_file");
                            remaining -= pair.Audio.Length;
                            break;
                        case "transcript_file" when pair.Transcript is null:
                            pair.Transcript = await storage.StageAsync(part.Section.Body, Math.Min(remaining, TranscriptValidator.MaxBytes + 1), ct);
                            pair.TranscriptFileName = UploadedPair.DisplayName(part.FileName, "transcript_file");
                            remaining -= pair.Transcript.Length;
                            break;
                        case "text_file" when pair.Text is null:
                            pair.TextFileName = UploadedPair.DisplayName(part.FileName, "text_file");
                            pair.Text = await StageTextAsync(part, Math.Min(remaining, limits.MaxTextBytes), pair.TextFileName, ct);
                            remaining -= pair.Text.Length;
                            break;
                        case "archive_file" when pair.Archive is null:
                            pair.Archive = await storage.StageAsync(part.Section.Body, remaining, ct);
                            pair.ArchiveFileName = UploadedPair.DisplayName(part.FileName, "archive_file");
                            remaining -= pair.Archive.Length;
                            break;
                        default:
                            await part.SkipAsync(ct);
                            break;
                    }
                }, ct);
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    private async Task<StagedFile> StageTextAsync(FormSection part, long maxBytes, string name, CancellationToken ct)
    {
        try
        {
            return await storage.StageAsync(part.Section.Body, maxBytes, ct);
        }
        catch (ApiException e) when (e.StatusCode == 413)
        {
            throw new ApiException(413, e.Error, e.ErrorCode, $"{name}: text data may be at most {maxBytes / (1024 * 1024)} MB (Storage:MaxTextMegabytes); split the file.",
                new Dictionary<string, object?> { ["field"] = "text_file", ["file"] = name, ["limit_megabytes"] = maxBytes / (1024 * 1024) });
        }
    }
}
