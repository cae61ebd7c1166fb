using System.Diagnostics;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Hardening;

/// <summary>External tools cannot hang or exhaust a worker: a time limit that kills the whole process tree, and a memory cap.</summary>
[Trait("Category", "unit")]
public sealed class ProcessLimitTests
{
    [Fact]
    public async Task AToolThatHangs_IsKilledWithItsChildren_WhenItsTimeIsUp()
    {
        var pidFile = Path.Combine(TestTemp.Folder("hang-"), "child.pid");
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(() => ProcessRunner.RunAsync("sh",
            ["-c", $"sleep 300 & echo $! > {pidFile}; wait"], TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 15);
        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());
        await WaitUntilGoneAsync(child);
    }

    [Fact]
    public async Task FfprobeOnAFileThatNeverEnds_IsRejectedAsUnreadable_WithinTheProbeTimeout()
    {
        var folder = TestTemp.Folder("fifo-");
        var fifo = Path.Combine(folder, "endless.wav");
        await AudioFiles.Run("mkfifo", [fifo]); // nothing ever writes to it: ffprobe waits forever
        var probe = new AudioProbe(Options.Create(new ToolOptions { ProbeTimeoutSeconds = 2 }));
        var watch = Stopwatch.StartNew();

        var rejected = await Assert.ThrowsAsync<AudioRejectedException>(() => probe.ProbeAsync(fifo, CancellationToken.None));

        Assert.Contains("could not be read within 2 seconds", rejected.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 15);
        Assert.DoesNotContain(Process.GetProcessesByName("ffprobe"), p => CommandLineOf(p.Id).Contains(fifo, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryToolRunsUnderAMemoryCap()
    {
        var result = await ProcessRunner.RunAsync("cat", ["/proc/self/limits"], TimeSpan.FromSeconds(10), CancellationToken.None, memoryLimitBytes: 256L * 1024 * 1024);

        var line = result.StandardOutput.Split('\n').Single(l => l.StartsWith("Max address space", StringComparison.Ordinal));
        Assert.Contains("268435456", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolThatWantsMoreMemoryThanTheCap_FailsInsteadOfTakingIt()
    {
        var capped = await ProcessRunner.RunAsync("python3", ["-c", "b = bytearray(512 * 1024 * 1024); print(len(b))"],
            TimeSpan.FromSeconds(30), CancellationToken.None, memoryLimitBytes: 256L * 1024 * 1024);
        var uncapped = await ProcessRunner.RunAsync("python3", ["-c", "b = bytearray(512 * 1024 * 1024); print(len(b))"],
            TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotEqual(0, capped.ExitCode);
        Assert.Contains("MemoryError", capped.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, uncapped.ExitCode);
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task WaitUntilGoneAsync(int pid)
    {
        for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++) await Task.Delay(100);
        Assert.True(!Directory.Exists($"/proc/{pid}") || IsZombie(pid), $"process {pid} still runs");
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z";
        }
        catch (IOException)
        {
            return true;
        }
    }
}
