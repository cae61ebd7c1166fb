using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;

namespace Dashboard.Server.Billing;

/// <summary>What one transcribed piece of audio (a file or a live stream) was charged.</summary>
/// <param name="What">How the entry reads, e.g. "Transcription with general" or "Live stream with custom_model_4".</param>
public sealed record TranscriptionCharge(string Kind, string Model, int? ModelId, double AudioSeconds, MipDecision Mip, string What);

/// <summary>Writes transcription ledger entries: audio minutes at the plan's rate, less the participation discount.</summary>
public sealed class TranscriptionLedger(DashboardDbContext db, TranscriptionPricing pricing, TimeProvider clock)
{
    public async Task RecordAsync(TranscriptionCharge charge)
    {
        var (decision, seconds) = (charge.Mip, Math.Round(charge.AudioSeconds, 2));
        var rate = pricing.RatePerMinute(decision.Plan);
        var discount = decision.DiscountPercent > 0 ? $", {decision.DiscountPercent}% Model Improvement Program discount" : "";
        db.Ledger.Add(new LedgerEntry
        {
            OrganizationId = decision.OrganizationId,
            ModelId = charge.ModelId,
            Kind = charge.Kind,
            Model = charge.Model,
            AudioSeconds = seconds,
            Amount = pricing.Price(decision.Plan, seconds, decision.DiscountPercent),
            DiscountPercent = decision.DiscountPercent,
            MipOptOut = decision.OptOut,
            Description = $"{charge.What}: {charge.AudioSeconds:0.#} s of audio at {rate:0.####} USD/min{discount}",
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(CancellationToken.None); // the audio was decoded: record it even if the client has gone
    }
}
