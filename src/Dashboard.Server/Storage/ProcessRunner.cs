using System.Diagnostics;

namespace Dashboard.Server.Storage;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs an external tool (ffprobe, ffmpeg, PocketSphinx and SphinxTrain CLIs) and collects its output, with a time
/// limit (the tool and every process it started are killed when it passes) and a memory cap (its address space,
/// set with util-linux's prlimit), so that a hostile or broken file can neither hang nor exhaust a worker.
/// </summary>
public static class ProcessRunner
{
    public const long DefaultMemoryLimitBytes = 4L * 1024 * 1024 * 1024;
    private static readonly string? Prlimit = new[] { "/usr/bin/prlimit", "/bin/prlimit" }.FirstOrDefault(File.Exists);

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct,
        long memoryLimitBytes = DefaultMemoryLimitBytes)
    {
        using var process = Process.Start(StartInfo(fileName, arguments, memoryLimitBytes)) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var error = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
            return new ProcessResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (ct.IsCancellationRequested) throw;
            throw new TimeoutException($"{fileName} did not finish within {timeout.TotalSeconds:0.###} seconds.");
        }
    }

    /// <summary>prlimit sets the limit and then execs the tool: the same process, so killing it kills the tool.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, long memoryLimitBytes = DefaultMemoryLimitBytes)
    {
        var start = new ProcessStartInfo(Prlimit ?? fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Prlimit is not null)
        {
            start.ArgumentList.Add($"--as={memoryLimitBytes}");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(fileName);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
