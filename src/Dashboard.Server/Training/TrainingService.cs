using Dashboard.Server.Billing;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;

namespace Dashboard.Server.Training;

/// <summary>Start, cancel and read the log of training runs, within one organization.</summary>
public sealed class TrainingService(
    DashboardDbContext db, IModelStatusCheck models, TrainingStateMachine machine, TrainingScheduler scheduler, TrainingLog log, TrainingPriceCalculator prices)
{
    public async Task<RunResponse> StartAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var run = await machine.StartAsync(organizationId, modelId, ct);
        // A crash before this line leaves the model running without a job: TrainingRecovery schedules it at the next start.
        await scheduler.ScheduleAsync(modelId, run.Id, ct);
        var estimate = prices.Estimate(run.TrainingHours);
        return new RunResponse(modelId, TrainingStatus.Running, 0,
            $"Training started; estimated cost {estimate.EstimatedCost:0.00} {estimate.Currency} for {estimate.ExtraHours:0.##} extra hours.", estimate);
    }

    public async Task<ModelDto> CancelAsync(int organizationId, int modelId, CancellationToken ct)
    {
        await machine.CancelAsync(organizationId, modelId, ct);
        await scheduler.UnscheduleAsync(modelId, ct);
        return await models.GetAsync(organizationId, modelId, ct);
    }

    public async Task<TrainingLogResponse> LogAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await db.FindModelAsync(organizationId, modelId, ct);
        var lines = await log.ReadAsync(modelId, afterId: null, limit: 100_000, ct);
        return new TrainingLogResponse(modelId, model.TrainingStatus, lines);
    }
}
