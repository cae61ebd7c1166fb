using Dashboard.Server.Storage;
using Dashboard.Server.Persistence;
using Dashboard.Server.Transcription;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

/// <summary>One call per request kind to keep a participating request in the pool (nothing happens for an opted-out one).</summary>
public sealed class PoolKeeper(RetainedPool pool, IBlobStorage storage, DashboardDbContext db)
{
    /// <summary>stt and listen: the audio as received and the recognized transcript.</summary>
    public async Task<int?> KeepTranscriptionAsync(TranscriptionResult result, StagedFile audio, string kind, CancellationToken ct)
    {
        if (result.Mip.OptOut) return null;
        var format = result.Audio.IsUploadFormat ? result.Audio.Format : null; // a video or WebM is kept, but not as a playable upload format
        return await pool.KeepAsync(result.Mip, new RetainedRequest(kind, result.Model.Name, result.Recognition.DurationSeconds,
            result.Recognition.Transcript, WriteAudioAsync, audio.Length, format), ct);

        async Task WriteAudioAsync(string key, CancellationToken token)
        {
            await using var content = File.OpenRead(audio.LocalPath);
            await storage.WriteAsync(key, content, token);
        }
    }

    /// <summary>A data upload: a copy of the accepted pair (the model keeps its own, whatever the decision); the audio blob is copied as stored, not decrypted and encrypted again.</summary>
    public async Task<int?> KeepDataFileAsync(MipDecision decision, int dataFileId, string kind, CancellationToken ct)
    {
        if (decision.OptOut) return null;
        var file = await db.DataFiles.AsNoTracking().FirstAsync(f => f.Id == dataFileId, ct);
        string transcript;
        using (var reader = new StreamReader(storage.OpenRead(file.TranscriptBlob))) transcript = await reader.ReadToEndAsync(ct);
        return await pool.KeepAsync(decision, new RetainedRequest(kind, $"custom_model_{file.ModelId}", file.DurationSeconds, transcript,
            file.HasAudio ? (key, token) => storage.CopyAsync(file.AudioBlob, key, token) : null, file.AudioBytes, file.HasAudio ? file.Format : null), ct);
    }
}
