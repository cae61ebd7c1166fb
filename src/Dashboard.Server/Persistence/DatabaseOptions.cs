using System.ComponentModel.DataAnnotations;
using Dashboard.Server.Data;
using Microsoft.Data.Sqlite;

namespace Dashboard.Server.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [RegularExpression("^(sqlite|postgres)$")] public string Provider { get; set; } = "sqlite";

    /// <summary>ConnectionStrings:Dashboard, or a SQLite file in the storage folder.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Dashboard");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var root = configuration[$"{StorageOptions.Section}:Root"] ?? new StorageOptions().Root;
        Directory.CreateDirectory(root);
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(Path.Combine(root, "dashboard.db")) }.ToString();
    }
}
