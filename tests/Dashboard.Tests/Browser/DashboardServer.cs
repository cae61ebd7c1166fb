using System.Globalization;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The built server as a child process for browser and hub tests: short simulated runs, fast session
/// refresh, its own SQLite file and storage folder; its command line (create-user, create-api-key)
/// runs with the same settings.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string Password = "Passw0rd!";

    private readonly ServerProcess process;
    private readonly IDictionary<string, string> environment;

    private DashboardServer(string folder, IDictionary<string, string> environment, ServerProcess process)
    {
        Folder = folder;
        this.environment = environment;
        this.process = process;
    }

    public string Folder { get; }

    public string BaseUrl => process.BaseAddress.ToString().TrimEnd('/');

    public string Output => process.Output;

    /// <param name="settings">More environment settings, e.g. <c>Training__Engine=sphinx</c>.</param>
    public static async Task<DashboardServer> StartAsync(double simulationSeconds = 6, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = TestTemp.Folder("dashboard-browser-");
        var environment = ServerProcess.Environment(folder);
        environment["Training__MinimumAudioHours"] = "0.001";
        environment["Training__Simulation__MinimumSeconds"] = simulationSeconds.ToString(CultureInfo.InvariantCulture);
        environment["Training__Simulation__SecondsPerAudioHour"] = "1";
        environment["Training__SchedulerName"] = "browser-" + Guid.NewGuid().ToString("N");
        environment["RateLimits__StatusChecksPerMinute"] = "10000";
        environment["Sessions__RefreshSeconds"] = "2"; // role changes reach open tabs quickly
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        return new DashboardServer(folder, environment, await ServerProcess.StartAsync(environment));
    }

    /// <summary>Runs one of the program's commands (same database) and returns what it printed.</summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(environment, args);
        if (exitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} failed: {stderr}");
        return stdout.Trim();
    }

    public Task CreateUserAsync(string org, string email, string role, string plan = "gold") =>
        RunCommandAsync("create-user", "--org", org, "--email", email, "--password", Password, "--role", role, "--plan", plan);

    public Task<string> CreateApiKeyAsync(string org, string plan = "gold") => RunCommandAsync("create-api-key", "--org", org, "--plan", plan);

    public ValueTask DisposeAsync()
    {
        process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
