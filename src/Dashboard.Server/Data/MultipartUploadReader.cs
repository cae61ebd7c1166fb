using Dashboard.Server.Errors;
using Dashboard.Server.Storage;

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
                            pair.AudioFileName = UploadedPair.DisplayName(part.FileName, "audio_file");
                            pair.Audio = await StageToKeepAsync(part, remaining, head => WavHeader.TryParse(head.Span) is null);
                            break;
                        case "transcript_file" when pair.Transcript is null:
                            pair.TranscriptFileName = UploadedPair.DisplayName(part.FileName, "transcript_file");
                            pair.Transcript = await StageToKeepAsync(part, Math.Min(remaining, TranscriptValidator.MaxBytes + 1), ReadByChecks);
                            break;
                        case "text_file" when pair.Text is null:
                            pair.TextFileName = UploadedPair.DisplayName(part.FileName, "text_file");
                            pair.Text = await TextLimitNamed(StageToKeepAsync(part, Math.Min(remaining, limits.MaxTextBytes), ReadByChecks), pair.TextFileName, limits.MaxTextMegabytes);
                            break;
                        case "archive_file" when pair.Archive is null:
                            pair.ArchiveFileName = UploadedPair.DisplayName(part.FileName, "archive_file");
                            pair.Archive = await StageAsync(part, remaining);
                            break;
                        default:
                            await part.SkipAsync(ct);
                            break;
                    }
                }, ct);
            return pair;

            // An archive is unpacked entry by entry and never stored itself; the other files are kept when they pass their checks,
            // which read transcripts and text by path, and audio too unless it is a WAV described from its header.
            Task<StagedFile> StageAsync(FormSection part, long max) => Counted(storage.StageAsync(part.Section.Body, max, ct));
            Task<StagedFile> StageToKeepAsync(FormSection part, long max, Func<ReadOnlyMemory<byte>, bool> needsWorkingCopy) =>
                Counted(storage.StageToKeepAsync(part.Section.Body, max, needsWorkingCopy, ct));
            static bool ReadByChecks(ReadOnlyMemory<byte> head) => true;

            async Task<StagedFile> Counted(Task<StagedFile> staging)
            {
                var staged = await staging;
                remaining -= staged.Length;
                return staged;
            }
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    private static async Task<StagedFile> TextLimitNamed(Task<StagedFile> staging, string name, long limitMegabytes)
    {
        try
        {
            return await staging;
        }
        catch (ApiException tooLarge) when (tooLarge.StatusCode == 413)
        {
            throw ApiErrors.TextTooLarge(name, limitMegabytes);
        }
    }
}
