using Dashboard.Shared.Formatting;
using Dashboard.Server.Billing;
using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training;

/// <summary>Start, cancel and read the log of training runs, within one organization.</summary>
public sealed class TrainingService(
    DashboardDbContext db, ModelService models, TrainingScheduler scheduler, TrainingLog log,
    TrainingProgressWriter progress, TrainingPriceCalculator prices, IOptions<TrainingOptions> options, TimeProvider clock)
{
    public async Task<RunResponse> StartAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        if (model.TrainingStatus == TrainingStatus.Running)
            throw ApiErrors.ModelNotReady(modelId, "Training is already running for this model.");
        var files = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId).ToListAsync(ct);
        var train = files.Where(f => f.Type == DataSetTypes.Train).ToList();
        if (train.Count == 0 || files.All(f => f.Type != DataSetTypes.Test))
            throw ApiErrors.ModelNotReady(modelId, train.Count == 0
                ? "Upload training data (type=train) and test data (type=test) before starting training."
                : "Upload test data (type=test) before starting training; about 20% of your data is recommended.");
        var hours = ModelMapper.Hours(train);
        if (hours < options.Value.MinimumAudioHours) throw ApiErrors.InsufficientData(hours, options.Value.MinimumAudioHours);

        var now = clock.GetUtcNow();
        var version = await db.TrainingRuns.CountAsync(r => r.ModelId == modelId, ct) + 1;
        var run = new TrainingRun
        {
            ModelId = modelId, Version = version, Engine = options.Value.Engine, Status = TrainingStatus.Running,
            TrainingHours = Math.Round(hours, 4), QueuedAt = now,
        };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        model.CurrentRunId = run.Id;
        model.TrainingStatus = TrainingStatus.Running;
        model.TrainingProgress = 0;
        model.TrainingStage = "queued";
        model.FailureReason = null;
        model.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await log.WriteAsync(modelId, run.Id, LogLevels.Info, $"Training version {version} queued ({AudioHours.Describe(hours)} of training audio).", ct);
        await scheduler.ScheduleAsync(modelId, run.Id, ct);
        progress.Publish(modelId, TrainingStatus.Running, 0, model.TrainingStage);
        var estimate = prices.Estimate(hours);
        return new RunResponse(modelId, TrainingStatus.Running, 0,
            $"Training started; estimated cost {estimate.EstimatedCost:0.00} {estimate.Currency} for {estimate.ExtraHours:0.##} extra hours.", estimate);
    }

    public async Task<ModelDto> CancelAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        if (model.TrainingStatus != TrainingStatus.Running)
            throw ApiErrors.Conflict(modelId, "The model is not training, so there is nothing to cancel.");
        var run = await db.TrainingRuns.FirstAsync(r => r.Id == model.CurrentRunId, ct);
        run.Status = TrainingStatus.Failed;
        run.FailureReason = "Canceled by user.";
        run.FinishedAt = clock.GetUtcNow();
        model.TrainingStatus = TrainingStatus.ReadyToRun;
        model.TrainingProgress = 0;
        model.TrainingStage = null;
        model.UpdatedAt = run.FinishedAt.Value;
        await db.SaveChangesAsync(ct);
        await scheduler.UnscheduleAsync(modelId, ct);
        await log.WriteAsync(modelId, run.Id, LogLevels.Warning, "Training canceled by user; the model is ready to run again.", ct);
        progress.Publish(modelId, TrainingStatus.ReadyToRun, 0, null);
        return await models.ToDtoAsync(model, ct);
    }

    public async Task<TrainingLogResponse> LogAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var lines = await log.ReadAsync(modelId, afterId: null, limit: 100_000, ct);
        return new TrainingLogResponse(modelId, model.TrainingStatus, lines);
    }
}
