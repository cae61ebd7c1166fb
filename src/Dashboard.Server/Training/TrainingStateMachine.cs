using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training;

/// <summary>
/// Applies the model's training transitions (<see cref="CustomModel"/>'s Start, Begin, Complete, Fail, Cancel, Serve):
/// each loads the model in a transaction, lets the aggregate decide, and commits once; a transition that lost a race
/// with another one is applied again to what the other left. The events the aggregate raised are dispatched with the commit.
/// Provider-neutral: the transaction and the concurrency tokens are all it relies on.
/// </summary>
public sealed class TrainingStateMachine(
    IDbContextFactory<DashboardDbContext> contexts, TrainingEventDispatcher dispatcher, ModelStatusCache statusCache,
    LedgerWriter ledger, IOptions<TrainingOptions> options, TimeProvider clock)
{
    public Task<TrainingRun> StartAsync(int organizationId, int modelId, CancellationToken ct) =>
        TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            model.EnsureNotRunning();
            var files = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId).ToListAsync(ct);
            model.EnsureHasTrainAndTestData(files.Select(f => f.Type).ToList());
            var train = files.Where(f => f.Type == DataSetTypes.Train).ToList();
            var hours = DataFile.HoursOf(train);
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

    public Task CompleteAsync(int modelId, int runId, TrainingInput input, TrainingOutcome outcome) =>
        TransitionAsync(null, modelId, async (db, model) =>
        {
            var run = await db.TrainingRuns.FirstAsync(r => r.Id == runId);
            if (!model.Complete(run, outcome, input.TrainingHours, clock.GetUtcNow())) return false;
            db.TrainingRunFiles.AddRange(input.TrainFiles.Concat(input.TestFiles).Select(f => new TrainingRunFile
            {
                RunId = runId, DataFileId = f.Id, Type = f.Type, AudioFileName = f.AudioFileName, DurationSeconds = f.DurationSeconds,
            }));
            ledger.AddTrainingCharge(db, model, run);
            // Find: the tracked run itself, without a query, when it is the one that now serves
            var serving = model.ActiveRunId is { } active ? await db.TrainingRuns.FindAsync(active) : null;
            if (new ModelVersions(serving, run).HeldBackOf(model) is { } heldBack) model.Note(run, LogLevels.Warning, heldBack.Message);
            return true;
        }, CancellationToken.None);

    public Task FailAsync(int modelId, int runId, string reason) =>
        TransitionAsync(null, modelId, async (db, model) =>
            model.Fail(await db.TrainingRuns.FirstAsync(r => r.Id == runId), reason, clock.GetUtcNow()),
            CancellationToken.None);

    /// <summary>Saved before the job is stopped: a job that still reports afterwards finds its run no longer current.</summary>
    public Task<int> CancelAsync(int organizationId, int modelId, CancellationToken ct) =>
        TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            var run = model.CurrentRunId is { } id ? await db.TrainingRuns.FirstOrDefaultAsync(r => r.Id == id, ct) : null;
            model.Cancel(run, clock.GetUtcNow());
            return run!.Id;
        }, ct);

    /// <summary>An admin's choice of the serving version; returns it (the caller audits the choice).</summary>
    public Task<TrainingRun> ServeAsync(int organizationId, int modelId, int version, string chosenBy, CancellationToken ct) =>
        TransitionAsync(organizationId, modelId, async (db, model) =>
        {
            var run = await db.TrainingRuns.FirstOrDefaultAsync(r => r.ModelId == modelId && r.Version == version, ct)
                ?? throw ApiErrors.NotFound("Version", version);
            model.Serve(run, chosenBy, clock.GetUtcNow());
            return run;
        }, ct);

    public async Task<bool> IsCurrentAsync(int modelId, int runId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.CustomModels.Where(m => m.Id == modelId).AnyAsync(CustomModel.IsRunning(runId));
    }

    /// <summary>
    /// One transition, one commit (with the log lines of the events the aggregate raised), then the events are published
    /// (only if it committed, and once: an attempt lost to a concurrent transition is retried on a freshly loaded model). <paramref name="organizationId"/> null is the training job's side: a model deleted
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
                var events = dispatcher.Stage(db, model.TakeEvents());
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                statusCache.Invalidate(modelId); // before publishing: a client told of the change reads the new status
                dispatcher.Publish(events);
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
