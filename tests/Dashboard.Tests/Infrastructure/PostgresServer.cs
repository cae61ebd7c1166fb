using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server (Debian's `postgresql`, installed by scripts/install-dependencies.sh) of its own: a cluster
/// made with initdb in a temporary folder, run as the `postgres` user on a free loopback port with its socket in that
/// folder, stopped and removed when the tests that share it are done. Each test class creates its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string folder = TestTemp.Folder("dashboard-pg-");

    public int Port { get; } = FreePort();

    private string DataFolder => Path.Combine(folder, "data");

    public async Task InitializeAsync()
    {
        if (RunsAsRoot) await RunAsync("chown", "-R", "postgres:postgres", folder);
        await RunPostgresToolAsync("initdb", "-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await RunPostgresToolAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 15,
    }.ConnectionString;

    /// <summary>A new, empty database; the name is made unique so that tests never share one.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>The server refuses to run as root: as root the tools run as `postgres` (runuser), otherwise as the current user.</summary>
    private static Task RunPostgresToolAsync(string tool, params string[] args)
    {
        var path = Path.Combine(BinFolder, tool);
        return RunsAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static string BinFolder { get; } = FindBinFolder();

    private static string FindBinFolder()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b.EndsWith("/15/bin", StringComparison.Ordinal)).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (run scripts/install-dependencies.sh: Debian package postgresql).");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Test classes in this collection share one <see cref="PostgresServer"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
