using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Runs a script of tests/js with node (the official SignalR and Deepgram clients, pinned by its package-lock.json),
/// after `npm ci` there once per machine (node_modules is not committed).
/// </summary>
public static class NodeScript
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(Repository.Root, "tests", "js");

    public static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr"))
                && Directory.Exists(Path.Combine(Folder, "node_modules", "@deepgram", "sdk"))) return;
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci failed: {await error}");
        }
        finally
        {
            Install.Release();
        }
    }

    /// <summary>Runs the script to its end with extra environment variables; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the script; <paramref name="onLine"/> sees each line of its output as it comes; its standard input is the test's to write.</summary>
    public static Process Start(string script, IEnumerable<string> args, Action<string> onLine)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
