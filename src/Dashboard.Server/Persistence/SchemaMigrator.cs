using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Persistence;

/// <summary>
/// Versions the schema with numbered SQL scripts embedded as Persistence/Schema/{provider}_NNNN_name.sql
/// (EF's design-time tooling cannot be restored here). Each script runs once, in its own
/// transaction, and is recorded in schema_version; a database made by an earlier build is
/// upgraded in place, never recreated. A test proves the result equals the EF model.
/// </summary>
public sealed class SchemaMigrator(DashboardDbContext db)
{
    public const string VersionTable = "schema_version";

    public static IReadOnlyList<(int Version, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Persistence.Schema.{provider}_";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0]), Sql: Read(assembly, n)))
            .OrderBy(s => s.Version)
            .ToList();
    }

    public async Task<int> MigrateAsync(CancellationToken ct, int? upToVersion = null)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (ProviderName == DatabaseOptions.Sqlite) await Execute(connection, "PRAGMA journal_mode=WAL;", ct); // readers never wait for the writer
            // Nodes starting together: one migrates, the others wait and then find nothing left to do.
            else await Execute(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
            await Execute(connection, $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", ct);
            var current = await CurrentVersionAsync(connection, ct);
            foreach (var (version, sql) in Scripts(ProviderName))
            {
                if (version <= current || version > (upToVersion ?? int.MaxValue)) continue;
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, sql, ct, tx);
                await Execute(connection, $"INSERT INTO {VersionTable} (version, applied_at) VALUES ({version}, '{DateTimeOffset.UtcNow:O}')", ct, tx);
                await tx.CommitAsync(ct);
                current = version;
            }
            return current;
        }
        finally
        {
            if (ProviderName == DatabaseOptions.Postgres) await Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private const long AdvisoryLockKey = 0x5C4E_4D41; // any constant; only this migrator takes it

    private string ProviderName => db.Database.IsSqlite() ? DatabaseOptions.Sqlite : DatabaseOptions.Postgres;

    private static async Task<int> CurrentVersionAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
