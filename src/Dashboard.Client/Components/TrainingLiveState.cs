using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Live;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;

namespace Dashboard.Client.Components;

public sealed record ProgressSample(DateTimeOffset At, int Progress);

/// <summary>
/// What the training monitor shows, merged from the persisted log (read once) and the live events
/// (subscribed before that read, so nothing falls between them; duplicates are dropped).
/// </summary>
public sealed class TrainingLiveState
{
    private readonly List<LogLineDto> early = [];
    private bool historyLoaded;

    public List<LogLineDto> Lines { get; } = [];
    public List<ProgressSample> Samples { get; } = [];
    public string? Stage { get; set; }
    public TrainingRunDto? Run { get; private set; }

    public void LoadHistory(IReadOnlyList<LogLineDto> history)
    {
        var seen = history.Select(KeyOf).ToHashSet();
        Lines.Clear();
        Lines.AddRange(history);
        Lines.AddRange(early.Where(l => !seen.Contains(KeyOf(l))));
        early.Clear();
        historyLoaded = true;
    }

    public void Add(LogLineEvent line)
    {
        var dto = new LogLineDto(line.Timestamp, line.Level, line.Message);
        (historyLoaded ? Lines : early).Add(dto);
    }

    public void Add(StatusChangedEvent status, DateTimeOffset now)
    {
        if (status.Stage is not null || status.TrainingStatus != TrainingStatus.Running) Stage = status.Stage;
        if (status.TrainingStatus == TrainingStatus.Running) Samples.Add(new ProgressSample(now, status.TrainingProgress));
    }

    /// <summary>Takes the latest run; seeds the progress curve when the page opens mid-run or after it.</summary>
    public void Use(TrainingMonitorDto monitor, ModelDto model, DateTimeOffset now)
    {
        Stage = monitor.CurrentStage;
        Run = monitor.Runs.Count > 0 ? monitor.Runs[^1] : null;
        if (Run is null || Samples.Count > 0) return;
        var start = Run.StartedAt ?? Run.QueuedAt;
        Samples.Add(new ProgressSample(start, 0));
        if (model.TrainingStatus == TrainingStatus.Running) Samples.Add(new ProgressSample(now, model.TrainingProgress));
        else if (Run.FinishedAt is { } end && Run.Status == TrainingStatus.Success) Samples.Add(new ProgressSample(end, 100));
    }

    public void StartNewRun(DateTimeOffset now)
    {
        Samples.Clear();
        Samples.Add(new ProgressSample(now, 0));
        Run = null;
    }

    /// <summary>Remaining time from the pace so far: elapsed × (100 − p) / p.</summary>
    public TimeSpan? Eta(int progress, DateTimeOffset now)
    {
        var start = Run?.StartedAt ?? Run?.QueuedAt ?? (Samples.Count > 0 ? Samples[0].At : null);
        if (start is null || progress < 2 || progress >= 100) return null;
        var elapsed = now - start.Value;
        return elapsed <= TimeSpan.Zero ? null : elapsed * ((100.0 - progress) / progress);
    }

    private static (long, string) KeyOf(LogLineDto line) => (line.Timestamp.UtcTicks / TimeSpan.TicksPerMillisecond, line.Message);
}
