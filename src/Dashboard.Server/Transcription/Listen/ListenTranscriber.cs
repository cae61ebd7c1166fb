using System.Security.Cryptography;
using Dashboard.Server.Storage;
using Dashboard.Server.Privacy;
using Dashboard.Shared.Privacy;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// Transcribes the audio of one /v1/listen request and answers in Deepgram's shape: the one path for requests
/// answered at once and for those answered through a callback.
/// </summary>
public sealed class ListenTranscriber(TranscriptionService transcription, PoolKeeper pool, TimeProvider clock)
{
    public async Task<DeepgramResponse> TranscribeAsync(
        int organizationId, ListenOptions options, ResolvedModel model, StagedFile audio, string requestId, CancellationToken ct)
    {
        var result = await transcription.TranscribeAsync(organizationId, model, audio, "audio", options.MipOptOut, options.Keywords, ct);
        await pool.KeepTranscriptionAsync(result, audio, RetainedKinds.Listen, ct);
        return DeepgramResponseBuilder.Build(result, options, await Sha256Async(audio.LocalPath, ct), clock.GetUtcNow(), requestId);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
