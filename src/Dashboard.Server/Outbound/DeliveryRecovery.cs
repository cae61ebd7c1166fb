using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Dashboard.Server.Outbound;

/// <summary>
/// At start-up: a pending delivery whose next attempt has no job (a crash between saving the row and scheduling)
/// gets it scheduled again, so every accepted callback and webhook event is eventually sent or marked failed; and
/// transcripts of finished callbacks left by earlier versions (which kept them in clear) are purged.
/// </summary>
public sealed class DeliveryRecovery(IServiceScopeFactory scopes, ISchedulerFactory schedulers, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        await db.OutboundDeliveries.Where(d => d.Kind == DeliveryKinds.Callback && d.Status != DeliveryStatus.Pending && d.Payload != "")
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Payload, ""), cancellationToken);
        var pending = await db.OutboundDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending)
            .Select(d => new { d.Id, d.Attempts, d.NextAttemptAt })
            .ToListAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var delivery in pending)
        {
            if (await scheduler.Exists(DeliveryQueue.JobKeyOf(delivery.Id, delivery.Attempts + 1), cancellationToken)) continue;
            var at = delivery.NextAttemptAt is { } next && next > clock.GetUtcNow() ? next : clock.GetUtcNow();
            await DeliveryQueue.ScheduleAsync(schedulers, delivery.Id, delivery.Attempts + 1, at, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
