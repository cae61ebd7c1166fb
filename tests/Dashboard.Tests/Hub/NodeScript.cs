using System.Diagnostics;

namespace Dashboard.Tests.Hub;

/// <summary>Runs a script of tests/js with node, after `npm ci` there once per machine (node_modules is not committed).</summary>
public static class NodeScript
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Dashboard.sln"), "tests", "js");
        }
    }

    public static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "@microsoft", "signalr"))) return;
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

    /// <summary>Starts the script; <paramref name="onLine"/> sees each line of its output as it comes.</summary>
    public static Process Start(string script, IEnumerable<string> args, Action<string> onLine)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
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
