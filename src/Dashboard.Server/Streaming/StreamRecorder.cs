using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Billing;
using Dashboard.Server.Storage;
using Dashboard.Server.Privacy;
using Dashboard.Server.Speech;
using Dashboard.Server.Transcription;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Privacy;

namespace Dashboard.Server.Streaming;

/// <summary>After a stream: its audio seconds billed (kind "stream"), its audio and final transcript kept in the pool unless opted out, and an audit entry.</summary>
public sealed class StreamRecorder(TranscriptionLedger ledger, PoolKeeper pool, AuditLog audit, IBlobStorage storage)
{
    public async Task RecordAsync(ClaimsPrincipal who, ResolvedModel model, MipDecision decision, StreamOutcome outcome, StreamRecording? recording, string requestId)
    {
        if (outcome.Seconds <= 0)
        {
            await audit.RecordAsync(who, AuditActions.Stream, model.Name, $"request {requestId}: no audio ({outcome.Ending})");
            return;
        }
        await ledger.RecordAsync(new TranscriptionCharge(Billing.LedgerKinds.Stream, model.Name, model.ModelId, outcome.Seconds, decision, $"Live stream with {model.Name}"));
        int? kept = null;
        if (recording is not null) // there is one only for a participating stream
        {
            using var staged = await recording.StageAsync(storage, CancellationToken.None);
            var result = new TranscriptionResult(model, new Recognition(outcome.Words, Math.Round(outcome.Seconds, 3)), decision, PcmAudio.DecoderWav(outcome.Seconds));
            kept = await pool.KeepTranscriptionAsync(result, staged, RetainedKinds.Stream, CancellationToken.None);
        }
        var pooled = kept is { } id ? $"kept as pool item {id}" : decision.ByAccount ? "not kept (account opted out)" : decision.OptOut ? "not kept (mip_opt_out)" : "not kept";
        await audit.RecordAsync(who, AuditActions.Stream, model.Name, $"request {requestId}: {outcome.Seconds:0.#} s of audio, {outcome.Words.Count} words, {outcome.Ending}; {pooled}");
    }
}
