using Dashboard.Server.Live;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Live;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Training;

/// <summary>Stores a run's progress on its model and publishes it; stops the run if it is no longer the model's current run.
/// Progress is not a transition: it changes no status, and a run that is no longer current updates nothing.</summary>
public sealed class TrainingProgressWriter(IDbContextFactory<DashboardDbContext> contexts, TrainingEventBus bus, TrainingLog log, ModelStatusCache statusCache, TimeProvider clock)
{
    private TrainingLog Log => log;

    public ITrainingProgress For(int modelId, int runId) => new RunProgress(this, modelId, runId);

    private async Task UpdateAsync(int modelId, int runId, int percent, string? stage, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = db.CustomModels.Where(m => m.Id == modelId).Where(CustomModel.IsRunning(runId));
        var updated = stage is null
            ? await query.ExecuteUpdateAsync(s => s.SetProperty(m => m.TrainingProgress, percent).SetProperty(m => m.UpdatedAt, now), ct)
            : await query.ExecuteUpdateAsync(s => s.SetProperty(m => m.TrainingProgress, percent).SetProperty(m => m.TrainingStage, stage).SetProperty(m => m.UpdatedAt, now), ct);
        statusCache.Invalidate(modelId); // ExecuteUpdate bypasses SaveChanges and so ModelCacheInvalidation
        if (updated == 0) throw new OperationCanceledException("The run was canceled or its model deleted.");
        var current = stage ?? await db.CustomModels.Where(m => m.Id == modelId).Select(m => m.TrainingStage).FirstAsync(ct);
        bus.Publish(new StatusChangedEvent(modelId, TrainingStatus.Running, percent, current));
    }

    private sealed class RunProgress(TrainingProgressWriter writer, int modelId, int runId) : ITrainingProgress
    {
        private int lastPercent = -1;

        public async Task StageAsync(string stage, int percent, CancellationToken ct)
        {
            await writer.UpdateAsync(modelId, runId, percent, stage, ct);
            lastPercent = percent;
            await writer.Log.WriteAsync(modelId, runId, LogLevels.Info, $"Stage: {stage}", ct);
        }

        public async Task ProgressAsync(int percent, CancellationToken ct)
        {
            percent = Math.Clamp(percent, 0, 99); // 100 is reached only when the run has succeeded
            if (percent == lastPercent) return;
            lastPercent = percent;
            await writer.UpdateAsync(modelId, runId, percent, null, ct);
        }

        public Task LogAsync(string level, string message, CancellationToken ct) => writer.Log.WriteAsync(modelId, runId, level, message, ct);
    }
}
