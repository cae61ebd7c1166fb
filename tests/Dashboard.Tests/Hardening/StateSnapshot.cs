using System.Text;
using Dashboard.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// Everything a request could change, read behind the API: every row of every table (a table added later is
/// included by itself) and every file in the storage folder. Two equal snapshots mean "nothing changed".
/// </summary>
public static class StateSnapshot
{
    /// <summary>State that changes by itself: the scheduler's own bookkeeping and scratch files of running work.</summary>
    private static readonly string[] IgnoredTablePrefixes = ["QRTZ_", "sqlite_", "__"];

    public static async Task<string> TakeAsync(DashboardFactory factory)
    {
        var text = new StringBuilder();
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            foreach (var table in await TablesAsync(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    text.Append(table).Append(':');
                    for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.GetName(i)).Append('=').Append(reader.GetValue(i)).Append('|');
                    text.AppendLine();
                }
            }
        }
        foreach (var file in StoredFiles(factory)) text.AppendLine(file);
        return text.ToString();
    }

    /// <summary>Every file under the storage folder except scratch space, with its size.</summary>
    public static IEnumerable<string> StoredFiles(DashboardFactory factory) =>
        Directory.Exists(factory.StorageRoot)
            ? Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(factory.StorageRoot, path))
                .Where(path => !path.StartsWith("scratch", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(path => $"file:{path}:{new FileInfo(Path.Combine(factory.StorageRoot, path)).Length}")
            : [];

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!IgnoredTablePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) tables.Add(name);
        }
        return tables;
    }

    /// <summary>The first line that differs, for a readable failure.</summary>
    public static string Difference(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(none)";
            var y = i < b.Length ? b[i] : "(none)";
            if (x != y) return $"before: {x}\nafter:  {y}";
        }
        return "(equal)";
    }
}
