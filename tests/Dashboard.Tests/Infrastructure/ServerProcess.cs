using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The built server DLL run as its own process, as an operator runs it: the command line
/// (`create-api-key`) and the web server, over a data folder and database given by environment variables.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; private init; } = new("http://127.0.0.1");

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>src/Dashboard.Server/bin/{Debug|Release}/net10.0/Dashboard.Server.dll, the same configuration as the tests.</summary>
    public static string ServerDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
            var dll = Path.Combine(Repository.Root, "src", "Dashboard.Server", "bin", configuration, framework, "Dashboard.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
        }
    }

    /// <summary>The simulated engine: the product trains with sphinx, these servers need fast, deterministic runs.</summary>
    public static IDictionary<string, string> Environment(string folder) => new Dictionary<string, string>
    {
        ["Storage__Root"] = Path.Combine(folder, "data"),
        ["ConnectionStrings__Dashboard"] = $"Data Source={Path.Combine(folder, "dashboard.db")}",
        ["Training__Engine"] = "simulated",
    };

    /// <summary>For restart and fault tests: simulated runs of at least <paramref name="simulationSeconds"/>, no status-check limit.</summary>
    public static IDictionary<string, string> TrainingEnvironment(string folder, int simulationSeconds)
    {
        var environment = Environment(folder);
        environment["Training__MinimumAudioHours"] = "0.001";
        environment["Training__Simulation__MinimumSeconds"] = simulationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RateLimits__StatusChecksPerMinute"] = "10000";
        return environment;
    }

    /// <summary>Runs a command of the program (e.g. create-api-key) to its end.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunCommandAsync(IDictionary<string, string> environment, params string[] args) =>
        RunCommandAsync(new Launch(environment), args);

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunCommandAsync(Launch launch, params string[] args)
    {
        using var process = Process.Start(StartInfo(launch, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)); // a hang guard only: a loaded 2-core runner once took over a minute
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the web server on a free loopback port and waits until /healthz answers.</summary>
    public static Task<ServerProcess> StartAsync(IDictionary<string, string> environment) => StartAsync(new Launch(environment));

    public static async Task<ServerProcess> StartAsync(Launch launch)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var server = new ServerProcess(Process.Start(StartInfo(launch, ["--urls", address.ToString().TrimEnd('/')]))!) { BaseAddress = address };
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (server.process.HasExited) throw new InvalidOperationException($"The server exited with {server.process.ExitCode}:\n{server.Output}");
            try
            {
                if ((await http.GetAsync(new Uri(address, "/healthz"))).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The server did not answer on {address}:\n{server.Output}");
            await Task.Delay(200);
        }
    }

    public HttpClient CreateClient(string apiKey) => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new("Bearer", apiKey) },
    };

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as in a power cut or an OOM kill.</summary>
    public void KillAbruptly()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or `docker stop` sends it; returns how long the server took to exit (at most <paramref name="limit"/>).</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not stop within {limit} of SIGTERM:\n{Output}");
        }
        return started.Elapsed;
    }

    public int ExitCode => process.ExitCode;

    public void Dispose()
    {
        if (!process.HasExited) KillAbruptly();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static ProcessStartInfo StartInfo(Launch launch, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = launch.WorkingDirectory ?? Path.GetDirectoryName(launch.Environment["Storage__Root"])!,
        };
        start.ArgumentList.Add(launch.Dll ?? ServerDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in launch.Environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>How to start the program: its environment, and optionally another DLL (a published folder) or working directory.</summary>
    public sealed record Launch(IDictionary<string, string> Environment, string? Dll = null, string? WorkingDirectory = null);
}
