using Quartz;

namespace Dashboard.Server.Training;

/// <summary>Puts training runs into Quartz's persistent job store, one job per model.</summary>
public sealed class TrainingScheduler(ISchedulerFactory schedulers)
{
    public const string ModelIdKey = "modelId";
    public const string RunIdKey = "runId";

    public static JobKey JobKeyOf(int modelId) => new($"train-model-{modelId}", "training");

    public async Task ScheduleAsync(int modelId, int runId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<TrainModelJob>()
            .WithIdentity(JobKeyOf(modelId))
            .UsingJobData(ModelIdKey, modelId)
            .UsingJobData(RunIdKey, runId)
            .RequestRecovery() // a run cut off by a crash fires again when the scheduler restarts
            .Build();
        var trigger = TriggerBuilder.Create().ForJob(job).StartNow().Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>
    /// True when a trigger is still waiting to fire the model's job. A job that exists without one may be
    /// executing or may be left over from a crash; scheduling it again is safe either way: the job does not
    /// run concurrently with itself, and a run that is no longer current is skipped.
    /// </summary>
    public async Task<bool> HasPendingTriggerAsync(int modelId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return (await scheduler.GetTriggersOfJob(JobKeyOf(modelId), ct)).Count > 0;
    }

    /// <summary>Stops a run: a running job is interrupted (its cancellation token fires) and the job is removed.</summary>
    public async Task UnscheduleAsync(int modelId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = JobKeyOf(modelId);
        await scheduler.Interrupt(key, ct);
        // The interrupted job may finish and remove its own trigger while DeleteJob is removing it, which
        // DeleteJob reports as an error: what matters is that the job is gone afterwards.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await scheduler.DeleteJob(key, ct);
                return;
            }
            catch (SchedulerException) when (attempt < 3)
            {
                if (!await scheduler.Exists(key, ct)) return;
            }
        }
    }
}
