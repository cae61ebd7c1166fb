using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>The real server in-process on a PostgreSQL database; two of them on one database are two nodes.</summary>
public sealed class PostgresDashboardFactory(string connectionString, string nodeId = "node") : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Database:Provider"] = "postgres",
        ["ConnectionStrings:Dashboard"] = connectionString,
        ["Cluster:NodeId"] = nodeId,
    };
}
