using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Dashboard.Server.Outbound;

/// <summary>Stores a delivery and schedules its first attempt; each attempt is its own Quartz job in the persistent store.</summary>
public sealed class DeliveryQueue(DashboardDbContext db, ISchedulerFactory schedulers, TextProtector protector, TimeProvider clock)
{
    public const string IdKey = "deliveryId";
    public const string AttemptKey = "attempt";

    /// <summary>
    /// Adds the delivery unless one with the same kind and reference exists (a job that ran again after a crash). Its payload
    /// (a callback's is a whole transcript) is stored encrypted like other transcript text, see <see cref="DeliverySender"/>.
    /// </summary>
    public async Task<OutboundDelivery> EnqueueAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        if (delivery.Reference is { } reference
            && await db.OutboundDeliveries.FirstOrDefaultAsync(d => d.Kind == delivery.Kind && d.Reference == reference, ct) is { } existing)
            return existing;
        var now = clock.GetUtcNow();
        delivery.Status = DeliveryStatus.Pending;
        delivery.CreatedAt = now;
        delivery.NextAttemptAt = now;
        delivery.Payload = protector.Protect(delivery.Payload);
        db.OutboundDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        await ScheduleAsync(schedulers, delivery.Id, 1, now, ct);
        return delivery;
    }

    public static JobKey JobKeyOf(int deliveryId, int attempt) => new($"deliver-{deliveryId}-{attempt}", "deliveries");

    public static async Task ScheduleAsync(ISchedulerFactory schedulers, int deliveryId, int attempt, DateTimeOffset at, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<DeliverJob>()
            .WithIdentity(JobKeyOf(deliveryId, attempt))
            .UsingJobData(IdKey, deliveryId)
            .UsingJobData(AttemptKey, attempt)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartAt(at).Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}

/// <summary>Thin Quartz job: one attempt of one delivery (<see cref="DeliverySender"/>).</summary>
[DisallowConcurrentExecution]
public sealed class DeliverJob(DeliverySender sender) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        await sender.AttemptAsync(data.GetInt(DeliveryQueue.IdKey), data.GetInt(DeliveryQueue.AttemptKey), cancellationToken);
    }
}
