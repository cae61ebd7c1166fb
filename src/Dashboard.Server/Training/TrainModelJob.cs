using Quartz;

namespace Dashboard.Server.Training;

/// <summary>Thin Quartz job: the work is in <see cref="TrainingRunner"/>; cancellation flows from the job context.</summary>
[DisallowConcurrentExecution]
public sealed class TrainModelJob(TrainingRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        await runner.RunAsync(data.GetInt(TrainingScheduler.ModelIdKey), data.GetInt(TrainingScheduler.RunIdKey), context.Recovering, cancellationToken);
    }
}
