using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Server.Privacy;

/// <summary>Thin Quartz job: the work is in <see cref="RetentionService"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionPurgeJob(RetentionService retention) : IJob
{
    public static readonly JobKey Key = new("retention-purge", "privacy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.PurgeAsync(cancellationToken);
}

/// <summary>At start-up, (re)schedules the purge every Privacy:PurgeIntervalMinutes, first one interval from now.</summary>
public sealed class RetentionPurgeSchedule(ISchedulerFactory schedulers, IOptions<PrivacyOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.PurgeIntervalMinutes);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<RetentionPurgeJob>().WithIdentity(RetentionPurgeJob.Key).Build();
        var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(RetentionPurgeJob.Key.Name, RetentionPurgeJob.Key.Group)
            .StartAt(clock.GetUtcNow() + interval)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
