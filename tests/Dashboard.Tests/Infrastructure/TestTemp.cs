using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Everything the tests write outside a server goes under one folder per test process, deleted when the run ends
/// (<see cref="CleaningTestFramework"/>): a test that forgets its own clean-up, or fails half-way, leaves nothing in the
/// system's temp folder. Folders of earlier runs that were killed (their process is gone) are removed by the next run.
/// </summary>
public static class TestTemp
{
    private const string Prefix = "dashboard-tests-";

    public static string Root { get; } = Create();

    /// <summary>A new empty folder under <see cref="Root"/>, named after <paramref name="prefix"/>.</summary>
    public static string Folder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root, prefix + Guid.NewGuid().ToString("N")[..8])).FullName;

    private static string Create()
    {
        RemoveFoldersOfEndedRuns();
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId)).FullName;
        return root;
    }

    /// <summary>Called once, when every test and fixture is done.</summary>
    public static void DeleteRoot() => Delete(Root);

    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..], out var pid) && !IsRunning(pid)) Delete(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
