using Dashboard.Shared.Formatting;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;

namespace Dashboard.Server.Billing;

public static class LedgerKinds
{
    public const string Training = "training";
    public const string Transcription = "transcription";
    public const string Stream = "stream";
}

/// <summary>Writes what a successful run costs: the hours actually trained beyond the included hours.</summary>
public sealed class LedgerWriter(TrainingPriceCalculator prices)
{
    public void AddTrainingCharge(DashboardDbContext db, CustomModel model, TrainingRun run)
    {
        var estimate = prices.Estimate(run.TrainingHours);
        db.Ledger.Add(new LedgerEntry
        {
            OrganizationId = model.OrganizationId,
            ModelId = model.Id,
            RunId = run.Id,
            Kind = LedgerKinds.Training,
            Model = $"custom_model_{model.Id}",
            AudioSeconds = Math.Round(run.TrainingHours * 3600, 1),
            Amount = estimate.EstimatedCost,
            Description = $"Training v{run.Version} of '{model.Name}': {AudioHours.Describe(run.TrainingHours)} trained, {AudioHours.Describe(Math.Min(run.TrainingHours, estimate.IncludedHours))} included, {AudioHours.Describe(estimate.ExtraHours)} extra at {estimate.PricePerExtraHour:0.##} {TrainingPriceCalculator.Currency}/h",
            CreatedAt = run.FinishedAt ?? DateTimeOffset.UtcNow,
        });
    }
}
