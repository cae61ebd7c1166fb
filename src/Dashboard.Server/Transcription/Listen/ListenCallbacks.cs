using Dashboard.Server.Storage;
using Quartz;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// Accepts a /v1/listen request with `callback`: the audio (or its URL) and the options go into a Quartz job in the
/// persistent store, so the request survives a restart; the client gets only the request id now.
/// </summary>
public sealed class ListenCallbacks(IBlobStorage storage, ISchedulerFactory schedulers)
{
    public const string RequestIdKey = "requestId";
    public const string OrganizationIdKey = "organizationId";
    public const string QueryKey = "query";
    public const string AudioBlobKey = "audioBlob";
    public const string UrlKey = "url";

    public static string AudioBlobOf(string requestId) => $"listen-callbacks/{requestId}";

    public async Task AcceptAsync(int organizationId, ListenOptions options, string? url, StagedFile? audio, string requestId, CancellationToken ct)
    {
        var blob = "";
        if (audio is not null)
        {
            blob = AudioBlobOf(requestId);
            await storage.CommitAsync(audio, blob, ct);
        }
        var job = JobBuilder.Create<ListenCallbackJob>()
            .WithIdentity($"listen-{requestId}", "listen")
            .UsingJobData(RequestIdKey, requestId)
            .UsingJobData(OrganizationIdKey, organizationId)
            .UsingJobData(QueryKey, options.QueryString)
            .UsingJobData(AudioBlobKey, blob)
            .UsingJobData(UrlKey, url ?? "")
            .RequestRecovery()
            .Build();
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.ScheduleJob(job, [TriggerBuilder.Create().ForJob(job).StartNow().Build()], ScheduleJobOptions.Replacing, ct);
    }
}

/// <summary>Thin Quartz job: transcribes one accepted callback request (<see cref="ListenCallbackRunner"/>).</summary>
public sealed class ListenCallbackJob(ListenCallbackRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var blob = data.GetString(ListenCallbacks.AudioBlobKey);
        var url = data.GetString(ListenCallbacks.UrlKey);
        await runner.RunAsync(data.GetString(ListenCallbacks.RequestIdKey)!, data.GetInt(ListenCallbacks.OrganizationIdKey),
            data.GetString(ListenCallbacks.QueryKey) ?? "", string.IsNullOrEmpty(blob) ? null : blob, string.IsNullOrEmpty(url) ? null : url, cancellationToken);
    }
}
