using Dashboard.Server.Errors;
using Dashboard.Shared.Data;
using Dashboard.Shared.Errors;
using Microsoft.Extensions.Options;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data;

/// <summary>An upload that passed its checks: the row to add and the staged files that become its blobs.</summary>
public sealed record CheckedUpload(DataFile File, IReadOnlyList<(StagedFile Staged, string Key)> Blobs, IReadOnlyList<string> Warnings);

/// <summary>
/// The checks every upload passes before anything is stored: audio probed with ffprobe (a plain PCM WAV from its header,
/// in process), transcripts and text data non-empty plain UTF-8. A failed check throws the envelope's error naming the file.
/// </summary>
public sealed class UploadChecker(AudioProbe probe, IBlobStorage storage, IOptions<StorageOptions> options, TimeProvider clock)
{
    public static string ParseType(string? type, bool allowText)
    {
        var value = type?.Trim().ToLowerInvariant();
        if (value is DataSetTypes.Train or DataSetTypes.Test || (allowText && value == DataSetTypes.Text)) return value;
        throw ApiErrors.Validation("type", allowText ? "type must be 'train', 'test' or 'text'." : "type must be 'train' or 'test' for audio pairs and archives.");
    }

    public async Task<CheckedUpload> CheckPairAsync(int modelId, string type, StagedFile audio, string audioName,
        StagedFile transcript, string transcriptName, CancellationToken ct)
    {
        AudioInfo info;
        try
        {
            info = (audio.Head is { } head ? WavHeader.Describe(head, audio.Length) : null)
                ?? await probe.ProbeAsync(await storage.WorkingCopyAsync(audio, ct), ct);
        }
        catch (AudioRejectedException e)
        {
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidAudio, "audio_file", audioName, e.Message);
        }
        TextStatistics text;
        try
        {
            text = await TranscriptValidator.InspectAsync(transcript.LocalPath, TranscriptValidator.MaxBytes, "the words spoken in the audio", ct);
        }
        catch (TranscriptRejectedException e)
        {
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidTranscript, "transcript_file", transcriptName, e.Message);
        }
        var warnings = AudioProbe.WarningsFor(info).Select(w => $"{audioName}: {w}").ToList();
        var blobId = Guid.NewGuid();
        var file = new DataFile
        {
            ModelId = modelId, Type = type, CreatedAt = clock.GetUtcNow(),
            AudioFileName = audioName, AudioBlob = BlobKeys.Audio(modelId, type, blobId),
            TranscriptFileName = transcriptName, TranscriptBlob = BlobKeys.Transcript(modelId, type, blobId),
            Format = info.Format, DurationSeconds = info.DurationSeconds, SampleRate = info.SampleRate,
            Channels = info.Channels, BitRate = info.BitRate, AudioBytes = audio.Length, TranscriptWords = text.Words,
            TranscriptBytes = transcript.Length, Sentences = text.Sentences, Warnings = string.Join('\n', warnings),
        };
        return new CheckedUpload(file, [(audio, file.AudioBlob), (transcript, file.TranscriptBlob)], warnings);
    }

    /// <summary>Text data: sentences or paragraphs for the language model and vocabulary; no audio.</summary>
    public async Task<CheckedUpload> CheckTextAsync(int modelId, StagedFile text, string name, CancellationToken ct)
    {
        TextStatistics statistics;
        try
        {
            statistics = await TranscriptValidator.InspectAsync(text.LocalPath, options.Value.MaxTextBytes, "sentences of your domain", ct);
        }
        catch (TranscriptRejectedException e)
        {
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidText, "text_file", name, e.Message);
        }
        var file = new DataFile
        {
            ModelId = modelId, Type = DataSetTypes.Text, CreatedAt = clock.GetUtcNow(),
            AudioFileName = "", AudioBlob = "", Format = "text",
            TranscriptFileName = name, TranscriptBlob = BlobKeys.Text(modelId, Guid.NewGuid()),
            TranscriptWords = statistics.Words, TranscriptBytes = text.Length, Sentences = statistics.Sentences,
        };
        return new CheckedUpload(file, [(text, file.TranscriptBlob)], []);
    }
}
