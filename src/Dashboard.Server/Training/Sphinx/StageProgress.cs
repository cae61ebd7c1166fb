namespace Dashboard.Server.Training.Sphinx;

/// <summary>
/// One stage of a run mapped onto a slice [from, to] of the overall percentage; safe to call from parallel workers
/// (calls into the run's <see cref="ITrainingProgress"/> are serialized).
/// </summary>
public sealed class StageProgress(ITrainingProgress progress, int from, int to, SemaphoreSlim gate)
{
    public async Task StepAsync(int done, int total, string? logLine, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (logLine is not null) await progress.LogAsync(Dashboard.Shared.Training.LogLevels.Info, logLine, ct);
            await progress.ProgressAsync(from + (to - from) * done / Math.Max(1, total), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task LogAsync(string level, string message, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await progress.LogAsync(level, message, ct);
        }
        finally
        {
            gate.Release();
        }
    }
}
