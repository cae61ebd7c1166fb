using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Dashboard.Bench.Accuracy;

/// <summary>What a training cost: wall time, CPU time of the process and its children, their peak memory, the machine's load.</summary>
public sealed record ResourceUse(double WallSeconds, double CpuSeconds, double PeakMegabytes, string LoadBefore, string LoadAfter)
{
    /// <summary>CPU time over wall time: 200% is both cores of a 2-core machine busy for the whole training.</summary>
    public double CpuSharePercent => WallSeconds <= 0 ? 0 : 100 * CpuSeconds / WallSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WallSeconds:0} s wall, {CpuSeconds:0} CPU-s (process and children), CPU share {CpuSharePercent:0}% of {Environment.ProcessorCount} cores, " +
        $"peak memory {PeakMegabytes:0} MB (process and children), load average {LoadBefore} before, {LoadAfter} after");
}

/// <summary>
/// Measures a stretch of the bench (a training): the process's CPU time plus that of its ended children (getrusage),
/// and the peak resident memory of the process and all its descendants together, sampled every 100 ms from /proc
/// (the process's own peak between samples comes from its VmHWM, reset at the start). Linux only.
/// </summary>
public sealed class ResourceMeter : IAsyncDisposable
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly double cpuAtStart = CpuSeconds();
    private readonly string loadAtStart = LoadAverage();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long peakTreeBytes;

    public ResourceMeter()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { } // resets VmHWM
        sampler = Task.Run(SampleAsync);
    }

    public async Task<ResourceUse> StopAsync()
    {
        await stop.CancelAsync();
        await sampler;
        var peak = Math.Max(Interlocked.Read(ref peakTreeBytes), OwnPeakBytes());
        return new ResourceUse(clock.Elapsed.TotalSeconds, CpuSeconds() - cpuAtStart, peak / 1048576.0, loadAtStart, LoadAverage());
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                var bytes = TreeResidentBytes(Environment.ProcessId);
                if (bytes > Interlocked.Read(ref peakTreeBytes)) Interlocked.Exchange(ref peakTreeBytes, bytes);
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Resident memory of <paramref name="root"/> and every process descending from it, now.</summary>
    private static long TreeResidentBytes(int root)
    {
        var parents = new Dictionary<int, int>();
        var resident = new Dictionary<int, long>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the name may hold spaces; fields[0] is the state
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                resident[pid] = long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException) { } // it ended meanwhile
        }
        long total = 0;
        foreach (var (pid, bytes) in resident)
        {
            for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
            {
                if (p != root) continue;
                total += bytes;
                break;
            }
        }
        return total;
    }

    private static long OwnPeakBytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>User and system time of this process and of its children that have ended (and were waited for).</summary>
    private static double CpuSeconds() => Usage(RusageSelf) + Usage(RusageChildren);

    private static double Usage(int who)
    {
        if (getrusage(who, out var usage) != 0) throw new InvalidOperationException("getrusage failed.");
        return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
    }

    private const int RusageSelf = 0, RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResident, SharedMemory, UnsharedData, UnsharedStack, MinorFaults, MajorFaults, Swaps, BlocksIn, BlocksOut,
            MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
