using Dashboard.Server.Billing;
using Dashboard.Server.Errors;
using Dashboard.Server.Live;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Live;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training;

/// <summary>
/// Applies the model's training transitions (<see cref="CustomModel"/>'s Start, Begin, Complete, Fail, Cancel, Serve):
/// each loads the model in a transaction, lets the aggregate decide, and commits once; a transition that lost a race
/// with another one is applied again to what the other left. Afterwards the log line is written and the change published.
/// Provider-neutral: the transaction and the concurrency tokens are all it relies on.
/// </summary>
public sealed class TrainingStateMachine(
    IDbContextFactory<DashboardDbContext> contexts, TrainingLog log, TrainingEventBus bus, ModelStatusCache statusCache,
    LedgerWriter ledger, IOptions<TrainingOptions> options, TimeProvider clock)
{
    public async Task<TrainingRun> StartAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var run = await TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            model.EnsureNotRunning();
            var files = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId).ToListAsync(ct);
            var train = files.Where(f => f.Type == DataSetTypes.Train).ToList();
            if (train.Count == 0 || files.All(f => f.Type != DataSetTypes.Test))
                throw ApiErrors.ModelNotReady(modelId, train.Count == 0
                    ? "Upload training data (type=train) and test data (type=test) before starting training."
                    : "Upload test data (type=test) before starting training; about 20% of your data is recommended.");
            var hours = ModelMapper.Hours(train);
            if (hours < options.Value.MinimumAudioHours) throw ApiErrors.InsufficientData(hours, options.Value.MinimumAudioHours);
            var run = new TrainingRun
            {
                ModelId = modelId, Version = await db.TrainingRuns.CountAsync(r => r.ModelId == modelId, ct) + 1,
                Engine = options.Value.Engine, TrainingHours = Math.Round(hours, 4), QueuedAt = clock.GetUtcNow(),
            };
            db.TrainingRuns.Add(run);
            await db.SaveChangesAsync(ct); // inside the transition's transaction: the run and the model commit together
            model.Start(run, run.QueuedAt);
            return run;
        }, ct);
        await log.WriteAsync(modelId, run.Id, LogLevels.Info, $"Training version {run.Version} queued ({Shared.Formatting.AudioHours.Describe(run.TrainingHours)} of training audio).", ct);
        Publish(modelId, TrainingStatus.Running, 0, "queued");
        return run;
    }

    /// <summary>The job takes the run up; null when it is no longer current (canceled, replaced, model deleted).</summary>
    public Task<BegunRun?> BeginAsync(int modelId, int runId, CancellationToken ct) =>
        TransitionAsync<BegunRun?>(null, modelId, async (db, model) =>
        {
            var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
            var restarted = run?.StartedAt is not null;
            if (run is null || !model.Begin(run, clock.GetUtcNow())) return null;
            var files = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId).OrderBy(f => f.Id).ToListAsync(ct);
            return new BegunRun(run.Engine, restarted, new TrainingInput(model.Id, run.Version, model.BaseModel, model.Language,
                files.Where(f => f.Type == DataSetTypes.Train).ToList(), files.Where(f => f.Type == DataSetTypes.Test).ToList())
            {
                TextFiles = files.Where(f => f.Type == DataSetTypes.Text).ToList(),
            });
        }, ct);

    public async Task CompleteAsync(int modelId, int runId, TrainingInput input, TrainingOutcome outcome)
    {
        var (completed, heldBack) = await TransitionAsync<(bool, HeldBackVersionDto?)>(null, modelId, async (db, model) =>
        {
            var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId);
            if (!model.Complete(run, outcome, input.TrainingHours, clock.GetUtcNow())) return (false, null);
            db.TrainingRunFiles.AddRange(input.TrainFiles.Concat(input.TestFiles).Select(f => new TrainingRunFile
            {
                RunId = runId, DataFileId = f.Id, Type = f.Type, AudioFileName = f.AudioFileName, DurationSeconds = f.DurationSeconds,
            }));
            ledger.AddTrainingCharge(db, model, run);
            var serving = model.ActiveRunId is { } active ? await db.TrainingRuns.AsNoTracking().FirstAsync(r => r.Id == active) : null;
            return (true, new ModelVersions(serving, run).HeldBackOf(model));
        }, CancellationToken.None);
        if (!completed) return;
        await log.WriteAsync(modelId, runId, LogLevels.Info,
            $"Training succeeded: WER {outcome.WordErrorRate:0.##}% (base {outcome.BaseWordErrorRate:0.##}%), accuracy improvement {outcome.AccuracyImprovement:0.##}%.", CancellationToken.None);
        if (heldBack is not null) await log.WriteAsync(modelId, runId, LogLevels.Warning, heldBack.Message, CancellationToken.None);
        Publish(modelId, TrainingStatus.Success, 100, null);
    }

    public async Task FailAsync(int modelId, int runId, string reason)
    {
        var progress = await TransitionAsync<int?>(null, modelId, async (db, model) =>
            model.Fail(await db.TrainingRuns.FirstAsync(r => r.Id == runId), reason, clock.GetUtcNow()) ? model.TrainingProgress : null,
            CancellationToken.None);
        if (progress is not { } percent) return;
        await log.WriteAsync(modelId, runId, LogLevels.Error, $"Training failed: {reason}", CancellationToken.None);
        Publish(modelId, TrainingStatus.Failed, percent, null);
    }

    /// <summary>Saved before the job is stopped: a job that still reports afterwards finds its run no longer current.</summary>
    public async Task<int> CancelAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var runId = await TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            var run = model.CurrentRunId is { } id ? await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == id, ct) : null;
            model.Cancel(run, clock.GetUtcNow());
            return run!.Id;
        }, ct);
        await log.WriteAsync(modelId, runId, LogLevels.Warning, "Training canceled by user; the model is ready to run again.", ct);
        Publish(modelId, TrainingStatus.ReadyToRun, 0, null);
        return runId;
    }

    /// <summary>An admin's choice of the serving version; returns it (the caller audits the choice).</summary>
    public async Task<TrainingRun> ServeAsync(int organizationId, int modelId, int version, string chosenBy, CancellationToken ct)
    {
        var (run, status, progress) = await TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.ModelId == modelId && r.Version == version, ct)
                ?? throw ApiErrors.NotFound("Version", version);
            model.Serve(run, clock.GetUtcNow());
            return (run, model.TrainingStatus, model.TrainingProgress);
        }, ct);
        var worse = run.IsWorseThanBase ? $", although it is worse than the base model (WER {run.WordErrorRate:0.##}% against {run.BaseWordErrorRate:0.##}%)" : "";
        await log.WriteAsync(modelId, run.Id, LogLevels.Info, $"Version {version} now serves transcription requests (chosen by {chosenBy}){worse}.", ct);
        Publish(modelId, status, progress, null);
        return run;
    }

    public async Task<bool> IsCurrentAsync(int modelId, int runId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.CustomModels.Where(m => m.Id == modelId).AnyAsync(CustomModel.IsRunning(runId));
    }

    private void Publish(int modelId, TrainingStatus status, int progress, string? stage) =>
        bus.Publish(new StatusChangedEvent(modelId, status, progress, stage));

    /// <summary>
    /// One transition, one commit. <paramref name="organizationId"/> null is the training job's side: a model deleted
    /// meanwhile is nothing to do (default) rather than an error.
    /// </summary>
    private async Task<T> TransitionAsync<T>(int? organizationId, int modelId, Func<DashboardDbContext, CustomModel, Task<T>> transition, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var model = await db.CustomModels.FirstOrDefaultAsync(m => m.Id == modelId && (organizationId == null || m.OrganizationId == organizationId), ct);
            if (model is null) return organizationId is null ? default! : throw ApiErrors.ModelNotFound(modelId);
            try
            {
                var result = await transition(db, model);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // another transition committed first: apply this one again to the state it left
            }
            finally
            {
                statusCache.Invalidate(modelId); // also after the commit, which SaveChanges' own invalidation precedes
            }
        }
    }
}

public sealed record BegunRun(string Engine, bool Restarted, TrainingInput Input);
