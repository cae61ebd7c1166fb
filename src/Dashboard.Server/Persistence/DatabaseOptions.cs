using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    [RegularExpression("^(sqlite|postgres)$")] public string Provider { get; set; } = Sqlite;
}
