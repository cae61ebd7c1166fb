using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>Settings of server processes that form one cluster: one PostgreSQL database and one shared storage folder.</summary>
public sealed class ClusterEnvironment(string folder, string connectionString) : IDisposable
{
    public string Folder => folder;

    public IDictionary<string, string> ForNode(string nodeId, double simulatedRunSeconds = 2) => new Dictionary<string, string>
    {
        ["Storage__Root"] = Path.Combine(folder, "shared"),
        ["Database__Provider"] = "postgres",
        ["ConnectionStrings__Dashboard"] = connectionString,
        ["Cluster__NodeId"] = nodeId,
        ["Cluster__CheckinIntervalSeconds"] = "2",
        ["Training__MinimumAudioHours"] = "0.001",
        ["Training__Engine"] = "simulated",
        ["Training__Simulation__MinimumSeconds"] = $"{simulatedRunSeconds}",
        ["RateLimits__StatusChecksPerMinute"] = "10000",
    };

    public static async Task<ClusterEnvironment> CreateAsync(PostgresServer server, string name) =>
        new(TestTemp.Folder($"dashboard-{name}-"), await server.CreateDatabaseAsync(name));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
