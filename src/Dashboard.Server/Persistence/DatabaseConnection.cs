using System.Data.Common;
using Dashboard.Server.Storage;
using Dashboard.Server.Storage.Encryption;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Server.Persistence;

/// <summary>
/// Database:Provider and ConnectionStrings:Dashboard, checked once while the host is built: every feature that
/// needs the database (EF, Quartz's job store, the event relay) gets the same provider and connection string.
/// </summary>
public sealed record DatabaseConnection(string Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseOptions.Postgres;

    public static DatabaseConnection Resolve(IConfiguration configuration)
    {
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"];
        provider = string.IsNullOrWhiteSpace(provider) ? DatabaseOptions.Sqlite : provider.Trim();
        var configured = configuration.GetConnectionString("Dashboard");
        return provider switch
        {
            DatabaseOptions.Sqlite => new(provider, string.IsNullOrWhiteSpace(configured) ? DefaultSqlite(configuration) : Parsed(provider, configured)),
            DatabaseOptions.Postgres => new(provider, string.IsNullOrWhiteSpace(configured)
                ? throw new DatabaseConfigurationException("Database:Provider is 'postgres' but ConnectionStrings:Dashboard is empty; set it to e.g. 'Host=db;Database=dashboard;Username=dashboard;Password=...'.")
                : Parsed(provider, configured)),
            _ => throw new DatabaseConfigurationException($"Database:Provider '{provider}' is not known; use 'sqlite' or 'postgres'."),
        };
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (IsPostgres) options.UseNpgsql(ConnectionString, o => o.CommandTimeout(60));
        else options.UseSqlite(ConnectionString, o => o.CommandTimeout(60));
    }

    /// <summary>Opens one connection so that a wrong host, port, password or database name stops start-up with its reason.</summary>
    public void EnsureReachable()
    {
        if (!IsPostgres) return;
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or DbException or TimeoutException or InvalidOperationException)
        {
            throw new DatabaseConfigurationException($"Cannot connect to PostgreSQL at {Describe()}: {Reason(e)}", e);
        }
    }

    /// <summary>Host, port and database, never the password.</summary>
    public string Describe()
    {
        if (!IsPostgres) return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    private static string Reason(Exception e) =>
        (e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message).ReplaceLineEndings(" ").Trim();

    private static string Parsed(string provider, string connectionString)
    {
        try
        {
            DbConnectionStringBuilder builder = provider == DatabaseOptions.Postgres
                ? new NpgsqlConnectionStringBuilder(connectionString)
                : new SqliteConnectionStringBuilder(connectionString);
            if (builder is NpgsqlConnectionStringBuilder { Host: null or "" })
                throw new ArgumentException("it names no Host");
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new DatabaseConfigurationException($"ConnectionStrings:Dashboard is not a valid {provider} connection string: {e.Message}", e);
        }
    }

    /// <summary>The SQLite database file; null for PostgreSQL or an in-memory database.</summary>
    public string? SqliteFile
    {
        get
        {
            if (IsPostgres) return null;
            var builder = new SqliteConnectionStringBuilder(ConnectionString);
            return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
        }
    }

    private static string DefaultSqlite(IConfiguration configuration)
    {
        var root = StorageOptions.RootIn(configuration);
        OwnerOnly.CreateFolder(root);
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(Path.Combine(root, "dashboard.db")) }.ToString();
    }
}
