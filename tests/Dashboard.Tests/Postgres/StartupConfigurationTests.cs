using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>Database settings that cannot work stop the server at start-up with one line saying what to fix, and a non-zero exit.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "postgres")]
public sealed class StartupConfigurationTests(PostgresServer server) : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-config-");

    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "oracle", "Data Source=x.db", "Database:Provider 'oracle' is not known" },
        { "postgres", null, "ConnectionStrings:Dashboard is empty" },
        { "postgres", "Hots=db;Database=x", "is not a valid postgres connection string" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task TheServer_StopsWithOneClearLine_WhenTheDatabaseSettingsCannotWork(string provider, string? connectionString, string expected)
    {
        var (exitCode, output, error) = await RunServerAsync(provider, connectionString);

        AssertOneLineError(exitCode, output, error, expected);
    }

    [Fact]
    public async Task TheServer_StopsWithOneClearLine_WhenPostgresIsUnreachable()
    {
        var (exitCode, output, error) = await RunServerAsync("postgres", $"Host=127.0.0.1;Port={ClosedPort()};Database=dashboard;Username=dashboard;Password=secret-pw;Timeout=5");

        AssertOneLineError(exitCode, output, error, "Cannot connect to PostgreSQL at 127.0.0.1:");
        Assert.DoesNotContain("secret-pw", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLine_StopsWithOneClearLine_WhenThePostgresDatabaseDoesNotExist()
    {
        var missing = server.ConnectionString("no_such_database");

        var (exitCode, output, error) = await RunServerAsync("postgres", missing, "create-api-key", "--org", "acme", "--plan", "gold");

        AssertOneLineError(exitCode, output, error, "database \"no_such_database\" does not exist");
    }

    private Task<(int ExitCode, string Output, string Error)> RunServerAsync(string provider, string? connectionString, params string[] args)
    {
        var environment = ServerProcess.Environment(folder);
        environment["Database__Provider"] = provider;
        if (connectionString is null) environment.Remove("ConnectionStrings__Dashboard");
        else environment["ConnectionStrings__Dashboard"] = connectionString;
        return ServerProcess.RunCommandAsync(environment, args.Length > 0 ? args : ["--urls", "http://127.0.0.1:0"]);
    }

    private static void AssertOneLineError(int exitCode, string output, string error, string expected)
    {
        Assert.True(exitCode == 78, $"exit code {exitCode}\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
