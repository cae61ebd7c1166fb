using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Shared.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Keywords;

namespace Dashboard.Server.Transcription;

public sealed record TranscriptionResult(ResolvedModel Model, Recognition Recognition, bool MipOptOut);

/// <summary>
/// Transcribes one audio file: decodes it to 16 kHz mono PCM (ffmpeg reads MP3, WAV, FLAC, M4A, AAC, OGG and more;
/// a file it cannot decode is INVALID_AUDIO), recognizes it on a warm decoder of the requested model, and writes the
/// usage ledger entry (kind "transcription").
/// </summary>
public sealed class TranscriptionService(
    DashboardDbContext db, DecoderPool decoders, KeywordBooster booster, IBlobStorage storage, IOptions<SphinxOptions> options, TimeProvider clock)
{
    public Task<TranscriptionResult> TranscribeAsync(
        int organizationId, ResolvedModel model, StagedFile audio, string audioFileName, bool? mipOptOut, CancellationToken ct) =>
        TranscribeAsync(organizationId, model, audio, audioFileName, mipOptOut, null, ct);

    /// <summary>Transcribes with <paramref name="model"/>; <paramref name="keywords"/> (if any) are boosted for this request only.</summary>
    public async Task<TranscriptionResult> TranscribeAsync(
        int organizationId, ResolvedModel model, StagedFile audio, string audioFileName, bool? mipOptOut, KeywordBoost? keywords, CancellationToken ct)
    {
        keywords ??= KeywordBoost.None;
        short[] pcm;
        using (var folder = storage.CreateScratchFolder())
        {
            try
            {
                pcm = await PcmAudio.ConvertAndReadAsync(audio.LocalPath, folder.Path, TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), ct);
            }
            catch (AudioRejectedException e)
            {
                throw ApiErrors.InvalidFile(ErrorCodes.InvalidAudio, "audio_file", audioFileName, e.Message);
            }
        }
        var recognition = await decoders.RecognizeAsync(KeywordBooster.DecoderKey(model.DecoderKey, keywords), async token =>
        {
            using var folder = storage.CreateScratchFolder(); // the decoder reads the files at load time only
            var spec = await booster.ApplyAsync(await model.LoadSpec(folder.Path, token), keywords, folder.Path, token);
            return new SphinxDecoder(options.Value, spec);
        }, pcm, ct);
        var optOut = await RecordUsageAsync(organizationId, model, recognition, mipOptOut, ct);
        return new TranscriptionResult(model, recognition, optOut);
    }

    /// <summary>An account-level opt-out (Enterprise) always applies; otherwise the request decides (default: participate).</summary>
    private async Task<bool> RecordUsageAsync(int organizationId, ResolvedModel model, Recognition recognition, bool? mipOptOut, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == organizationId, ct);
        var optOut = organization.MipOptOut || mipOptOut == true;
        db.Ledger.Add(new LedgerEntry
        {
            OrganizationId = organizationId,
            ModelId = model.ModelId,
            Kind = LedgerKinds.Transcription,
            Model = model.Name,
            AudioSeconds = Math.Round(recognition.DurationSeconds, 2),
            Amount = 0,
            MipOptOut = optOut,
            Description = $"Transcription with {model.Name}: {recognition.DurationSeconds:0.#} s of audio",
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(CancellationToken.None); // the audio was decoded: record it even if the client has gone
        return optOut;
    }
}
