using Dashboard.Server.Persistence;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Training;

/// <summary>
/// At start-up, after Quartz has recovered its own interrupted jobs: any model still in "Running"
/// without a pending trigger (a crash between saving the status and scheduling, or a clean shutdown
/// mid-run) gets its run scheduled again, so no model stays in "Running" for ever.
/// </summary>
public sealed class TrainingRecovery(IServiceScopeFactory scopes, ILogger<TrainingRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var scheduler = scope.ServiceProvider.GetRequiredService<TrainingScheduler>();
        var running = await db.CustomModels.AsNoTracking()
            .Where(m => m.TrainingStatus == TrainingStatus.Running && m.CurrentRunId != null)
            .Select(m => new { m.Id, RunId = m.CurrentRunId!.Value })
            .ToListAsync(cancellationToken);
        foreach (var model in running)
        {
            if (await scheduler.HasPendingTriggerAsync(model.Id, cancellationToken)) continue;
            logger.LogWarning("Model {ModelId} was left running without a job; scheduling run {RunId} again", model.Id, model.RunId);
            await scheduler.ScheduleAsync(model.Id, model.RunId, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
