using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Privacy;
using Dashboard.Shared.Errors;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Keywords;

namespace Dashboard.Server.Transcription;

/// <param name="Mip">The Model Improvement Program's decision for this request (recorded with its ledger entry).</param>
/// <param name="Audio">What the probe found in the request's audio (its format, for a retained copy).</param>
public sealed record TranscriptionResult(ResolvedModel Model, Recognition Recognition, MipDecision Mip, AudioInfo Audio)
{
    public bool MipOptOut => Mip.OptOut;
}

/// <summary>
/// Transcribes one audio file: decodes it to 16 kHz mono PCM (probed first: MP3, WAV, FLAC, M4A/MP4, AAC, OGG or WebM,
/// then decoded by ffmpeg; anything else, or what it cannot decode, is INVALID_AUDIO), recognizes it on a warm decoder of the requested model, and writes the
/// usage ledger entry (kind "transcription"), priced per audio minute by plan less the participation discount.
/// </summary>
public sealed class TranscriptionService(
    ModelDecoders decoders, IBlobStorage storage, IOptions<SphinxOptions> options, MipPolicy mip, TranscriptionLedger ledger,
    AudioProbe probe, IOptions<ToolOptions> tools)
{
    public Task<TranscriptionResult> TranscribeAsync(
        int organizationId, ResolvedModel model, StagedFile audio, string audioFileName, bool? mipOptOut, CancellationToken ct) =>
        TranscribeAsync(organizationId, model, audio, audioFileName, mipOptOut, null, ct);

    /// <summary>Transcribes with <paramref name="model"/>; <paramref name="keywords"/> (if any) are boosted for this request only.</summary>
    public async Task<TranscriptionResult> TranscribeAsync(
        int organizationId, ResolvedModel model, StagedFile audio, string audioFileName, bool? mipOptOut, KeywordBoost? keywords, CancellationToken ct)
    {
        keywords ??= KeywordBoost.None;
        DecodedAudio decoded;
        using (var folder = storage.CreateScratchFolder())
        {
            try
            {
                decoded = await PcmAudio.ConvertAndReadAsync(probe, audio.LocalPath, AudioUse.Transcription, folder.Path,
                    TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), ct, tools.Value.MaxTranscriptionHours * 3600);
            }
            catch (AudioRejectedException e)
            {
                throw ApiErrors.InvalidFile(ErrorCodes.InvalidAudio, "audio_file", audioFileName, e.Message);
            }
        }
        var pcm = decoded.Samples;
        if (pcm.Length == 0)
            throw ApiErrors.InvalidFile(ErrorCodes.InvalidAudio, "audio_file", audioFileName, "contains no sound: it is empty or was cut off.");
        var recognition = await decoders.RecognizeAsync(model, keywords, pcm, ct);
        var decision = await mip.DecideAsync(organizationId, mipOptOut, ct);
        await ledger.RecordAsync(new TranscriptionCharge(LedgerKinds.Transcription, model.Name, model.ModelId, recognition.DurationSeconds, decision, $"Transcription with {model.Name}"));
        return new TranscriptionResult(model, recognition, decision, decoded.Info);
    }
}
