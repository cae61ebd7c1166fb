using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The built Dashboard.Server.dll as a child process on a free loopback port, over its own SQLite file
/// and storage folder; its command line (create-user, create-api-key) runs with the same settings.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public string Folder { get; }
    public string BaseUrl { get; }

    private ServerProcess(string folder, int port, double simulationSeconds)
    {
        Folder = folder;
        SimulationSeconds = simulationSeconds;
        BaseUrl = $"http://127.0.0.1:{port}";
        process = new Process { StartInfo = StartInfo("--urls", BaseUrl) };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
    }

    public string Output { get { lock (output) return output.ToString(); } }

    public static async Task<ServerProcess> StartAsync(double simulationSeconds = 6)
    {
        var server = new ServerProcess(Directory.CreateTempSubdirectory("dashboard-browser-").FullName, FreePort(), simulationSeconds);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (server.process.HasExited) throw new InvalidOperationException($"The server exited:\n{server.Output}");
            try
            {
                if ((await http.GetAsync($"{server.BaseUrl}/login")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The server did not answer:\n{server.Output}");
            await Task.Delay(250);
        }
    }

    private double SimulationSeconds { get; }
    private string SchedulerName { get; } = "browser-" + Guid.NewGuid().ToString("N");

    /// <summary>Runs one of the program's commands (same database) and returns what it printed.</summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        using var command = new Process { StartInfo = StartInfo(args) };
        command.Start();
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} failed: {await stderr}");
        return (await stdout).Trim();
    }

    public Task CreateUserAsync(string org, string email, string role, string plan = "gold") =>
        RunCommandAsync("create-user", "--org", org, "--email", email, "--password", Password, "--role", role, "--plan", plan);

    public Task<string> CreateApiKeyAsync(string org, string plan = "gold") => RunCommandAsync("create-api-key", "--org", org, "--plan", plan);

    public const string Password = "Passw0rd!";

    private ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(ServerDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__Root"] = Path.Combine(Folder, "data");
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={Path.Combine(Folder, "dashboard.db")}";
        start.Environment["Training__MinimumAudioHours"] = "0.001";
        start.Environment["Training__Simulation__MinimumSeconds"] = SimulationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Training__Simulation__SecondsPerAudioHour"] = "1";
        start.Environment["Training__SchedulerName"] = SchedulerName;
        start.Environment["RateLimits__StatusChecksPerMinute"] = "10000";
        start.Environment["Sessions__RefreshSeconds"] = "2"; // role changes reach open tabs quickly
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    /// <summary>The server as built beside this test (same configuration), so the test runs what was just compiled.</summary>
    private static string ServerDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/Dashboard.Tests/bin/{Configuration}/net10.0/
            var configuration = testBin.Parent!.Name;
            var framework = testBin.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dashboard.sln"))) root = root.Parent;
            var dll = Path.Combine(root?.FullName ?? ".", "src", "Dashboard.Server", "bin", configuration, framework, "Dashboard.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first.", dll);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
