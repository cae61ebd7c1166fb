using Dashboard.Shared.Formatting;
using Dashboard.Server.Billing;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Training;

/// <summary>Executes one training run from start to a final state; what the Quartz job calls.</summary>
public sealed class TrainingRunner(
    IDbContextFactory<DashboardDbContext> contexts,
    IEnumerable<ITrainingEngine> engines,
    TrainingProgressWriter progressWriter,
    TrainingLog log,
    LedgerWriter ledger,
    TimeProvider clock,
    ILogger<TrainingRunner> logger)
{
    public async Task RunAsync(int modelId, int runId, bool recovering, CancellationToken ct)
    {
        TrainingInput input;
        TrainingRun run;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var model = await db.CustomModels.Include(m => m.Files).FirstOrDefaultAsync(m => m.Id == modelId, ct);
            var found = await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
            if (model is null || found is null || model.CurrentRunId != runId || model.TrainingStatus != TrainingStatus.Running)
            {
                logger.LogInformation("Skipping stale training run {RunId} of model {ModelId}", runId, modelId);
                return;
            }
            run = found;
            var restarted = run.StartedAt is not null;
            run.StartedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Skipping training run {RunId} of model {ModelId}: the model was deleted as the run started", runId, modelId);
                return;
            }
            input = new TrainingInput(model.Id, run.Version, model.BaseModel, model.Language,
                model.Files.Where(f => f.Type == DataSetTypes.Train).OrderBy(f => f.Id).ToList(),
                model.Files.Where(f => f.Type == DataSetTypes.Test).OrderBy(f => f.Id).ToList())
            {
                TextFiles = model.Files.Where(f => f.Type == DataSetTypes.Text).OrderBy(f => f.Id).ToList(),
            };
            if (restarted || recovering)
                await log.WriteAsync(modelId, runId, LogLevels.Warning, "The server restarted during this run; training starts again from the beginning.", ct);
        }

        var engine = engines.First(e => e.Name == run.Engine);
        var progress = progressWriter.For(modelId, runId);
        await log.WriteAsync(modelId, runId, LogLevels.Info,
            $"Training version {run.Version} with the {engine.Name} engine on {input.TrainFiles.Count} training and {input.TestFiles.Count} test files ({AudioHours.Describe(input.TrainingHours)}).", ct);
        try
        {
            var outcome = await engine.TrainAsync(input, progress, ct);
            await CompleteAsync(modelId, runId, input, outcome, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || progressWriter.IsStale(modelId, runId))
        {
            // Canceled by the user (the model has already left "Running") or the host is stopping:
            // in the second case the run stays in "Running" and the job is recovered at the next start.
        }
        catch (TrainingFailedException e)
        {
            await FailAsync(modelId, runId, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {RunId} of model {ModelId} crashed", runId, modelId);
            await FailAsync(modelId, runId, $"Training stopped on an internal error: {e.Message}");
        }
    }

    private async Task CompleteAsync(int modelId, int runId, TrainingInput input, TrainingOutcome outcome, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var model = await db.CustomModels.FirstAsync(m => m.Id == modelId, ct);
        var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId, ct);
        if (model.CurrentRunId != runId || model.TrainingStatus != TrainingStatus.Running) return;
        var now = clock.GetUtcNow();
        run.Status = TrainingStatus.Success;
        run.FinishedAt = now;
        run.TrainingHours = Math.Round(input.TrainingHours, 4);
        run.WordErrorRate = outcome.WordErrorRate;
        run.BaseWordErrorRate = outcome.BaseWordErrorRate;
        run.CharacterErrorRate = outcome.CharacterErrorRate;
        run.AccuracyImprovement = outcome.AccuracyImprovement;
        run.ArtifactBlob = outcome.ArtifactBlob;
        model.TrainingStatus = TrainingStatus.Success;
        model.TrainingProgress = 100;
        model.TrainingStage = null;
        model.FailureReason = null;
        model.ActiveRunId = runId;
        model.UpdatedAt = now;
        ledger.AddTrainingCharge(db, model, run);
        await db.SaveChangesAsync(CancellationToken.None);
        await log.WriteAsync(modelId, runId, LogLevels.Info,
            $"Training succeeded: WER {outcome.WordErrorRate:0.##}% (base {outcome.BaseWordErrorRate:0.##}%), accuracy improvement {outcome.AccuracyImprovement:0.##}%.", CancellationToken.None);
        progressWriter.Publish(modelId, TrainingStatus.Success, 100, null);
    }

    private async Task FailAsync(int modelId, int runId, string reason)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var model = await db.CustomModels.FirstAsync(m => m.Id == modelId);
        var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId);
        if (model.CurrentRunId != runId || model.TrainingStatus != TrainingStatus.Running) return;
        run.Status = TrainingStatus.Failed;
        run.FailureReason = reason;
        run.FinishedAt = clock.GetUtcNow();
        model.TrainingStatus = TrainingStatus.Failed;
        model.FailureReason = reason;
        model.TrainingStage = null;
        model.UpdatedAt = run.FinishedAt.Value;
        await db.SaveChangesAsync();
        await log.WriteAsync(modelId, runId, LogLevels.Error, $"Training failed: {reason}", CancellationToken.None);
        progressWriter.Publish(modelId, TrainingStatus.Failed, model.TrainingProgress, null);
    }
}
