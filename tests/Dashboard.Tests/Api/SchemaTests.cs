using Dashboard.Tests.Infrastructure;
using System.Data.Common;
using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Api;

/// <summary>
/// SchemaMigrator's numbered scripts against the EF model: the migrated schema equals what EF would create,
/// every version is recorded, and migrating a populated database (again, or from an earlier version) loses nothing.
/// </summary>
[Trait("Category", "unit")]
public sealed class SchemaTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-schema-");

    private static readonly int[] Versions = SchemaMigrator.Scripts("sqlite").Select(s => s.Version).ToArray();

    private DashboardDbContext Open(string name) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite($"Data Source={Path.Combine(folder, name)};Pooling=False").Options);

    [Fact]
    public void TheScripts_AreNumberedFromOneWithoutGaps()
    {
        Assert.NotEmpty(Versions);
        Assert.Equal(Enumerable.Range(1, Versions.Length), Versions);
    }

    [Fact]
    public async Task AMigratedDatabase_HasExactlyTheSchemaOfTheEfModel()
    {
        await using var migrated = Open("migrated.db");
        await using var created = Open("created.db");

        await new SchemaMigrator(migrated).MigrateAsync(CancellationToken.None);
        await created.Database.EnsureCreatedAsync();

        var expected = await DescribeSchemaAsync(created);
        Assert.NotEmpty(expected);
        SchemaComparison.AssertSame(expected, await DescribeSchemaAsync(migrated), "sqlite");
    }

    /// <summary>Each schema change is written for both providers, with the same number (postgres_0002 beside sqlite_0002).</summary>
    [Fact]
    public void EverySqliteScript_HasAPostgresTwinWithTheSameNumber()
    {
        var postgres = SchemaMigrator.Scripts("postgres").Select(s => s.Version).ToArray();

        var missing = Versions.Except(postgres).Select(v => $"sqlite_{v:0000} has no postgres_{v:0000}");
        var extra = postgres.Except(Versions).Select(v => $"postgres_{v:0000} has no sqlite_{v:0000}");

        Assert.True(Versions.SequenceEqual(postgres), string.Join("; ", missing.Concat(extra)));
    }

    [Fact]
    public async Task Migrate_RecordsEveryVersionInSchemaVersion()
    {
        await using var db = Open("versions.db");

        var version = await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);

        Assert.Equal(Versions[^1], version);
        Assert.Equal(Versions.Select(v => $"{v}"), await RowsAsync(db, $"SELECT version, applied_at <> '' FROM {SchemaMigrator.VersionTable} ORDER BY version", r => $"{r.GetInt64(0)}", assertTrue: 1));
    }

    [Fact]
    public async Task MigratingAPopulatedDatabaseAgain_ChangesNothingAndLosesNothing()
    {
        await using var db = Open("populated.db");
        await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);
        await PopulateAsync(db);
        var schemaBefore = await DescribeSchemaAsync(db);
        var dataBefore = await DumpAsync(db);
        var versionsBefore = await RowsAsync(db, $"SELECT version || ' ' || applied_at FROM {SchemaMigrator.VersionTable}", r => r.GetString(0));

        var version = await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);

        Assert.Equal(Versions[^1], version);
        Assert.Equal(schemaBefore, await DescribeSchemaAsync(db));
        Assert.Equal(dataBefore, await DumpAsync(db));
        Assert.Equal(versionsBefore, await RowsAsync(db, $"SELECT version || ' ' || applied_at FROM {SchemaMigrator.VersionTable}", r => r.GetString(0)));
        Assert.Contains(dataBefore, t => t.StartsWith("CustomModels:", StringComparison.Ordinal) && t.Contains("Cardiology", StringComparison.Ordinal));
    }

    /// <summary>
    /// A database left at each earlier version by an older build keeps its rows when upgraded to the latest.
    /// (With a single version so far this is the re-run case; it covers each new script as it is added.)
    /// </summary>
    [Fact]
    public async Task UpgradingFromEachEarlierVersion_KeepsTheData()
    {
        foreach (var from in Versions)
        {
            await using var db = Open($"from-{from}.db");
            await new SchemaMigrator(db).MigrateAsync(CancellationToken.None, upToVersion: from);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Organizations (Name, Plan, MipOptOut, RetentionDays, CreatedAt) VALUES ('Kept since v' || {0}, 'gold', 0, 30, 0)", from);

            await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);

            Assert.Equal([$"Kept since v{from}"], await db.Organizations.Select(o => o.Name).ToListAsync());
            Assert.Equal(Versions.Length, await RowsAsync(db, $"SELECT COUNT(*) FROM {SchemaMigrator.VersionTable}", r => r.GetInt64(0)).ContinueWith(t => (int)t.Result[0]));
        }
    }

    internal static async Task PopulateAsync(DashboardDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var organization = new Organization { Name = "Acme", Plan = "gold", CreatedAt = now };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        db.ApiKeys.Add(new ApiKey { OrganizationId = organization.Id, Name = "ci", Prefix = "cmk_12345678", SecretHash = new string('a', 64), CreatedAt = now });
        var model = new CustomModel { OrganizationId = organization.Id, Name = "Cardiology", Language = "en", BaseModel = "medical", CreatedAt = now, UpdatedAt = now };
        db.CustomModels.Add(model);
        await db.SaveChangesAsync();
        db.DataFiles.Add(new DataFile
        {
            ModelId = model.Id, Type = "train", AudioFileName = "a.wav", AudioBlob = "models/1/train/a.audio", TranscriptFileName = "a.txt",
            TranscriptBlob = "models/1/train/a.txt", Format = "wav", DurationSeconds = 3.5, SampleRate = 16000, Channels = 1, BitRate = 256000, CreatedAt = now,
        });
        var run = new TrainingRun { ModelId = model.Id, Version = 1, Engine = "simulated", TrainingHours = 11, QueuedAt = now };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync();
        model.Start(run, now);
        model.Complete(run, new TrainingOutcome(12.5, 20, 8, null), 11, now);
        db.TrainingLog.Add(new TrainingLogEntry { ModelId = model.Id, RunId = run.Id, Level = "info", Message = "Training succeeded", Timestamp = now });
        db.Ledger.Add(new LedgerEntry { OrganizationId = organization.Id, ModelId = model.Id, RunId = run.Id, Kind = LedgerKinds.Training, Amount = 50m, AudioSeconds = 39600, Description = "Training v1", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    /// <summary>Tables, columns, indexes and foreign keys of the application's schema (not Quartz's or the version table).</summary>
    private static async Task<List<string>> DescribeSchemaAsync(DashboardDbContext db)
    {
        var tables = await TablesAsync(db);
        var description = new List<string>();
        foreach (var table in tables)
        {
            description.AddRange(await RowsAsync(db, $"PRAGMA table_info(\"{table}\")",
                r => $"{table} column {r["name"]} {r["type"]} notnull={r["notnull"]} default={r["dflt_value"]} pk={r["pk"]}"));
            foreach (var index in await RowsAsync(db, $"PRAGMA index_list(\"{table}\")", r => $"{r["name"]}|{r["unique"]}|{r["origin"]}|{r["partial"]}"))
            {
                var name = index.Split('|')[0];
                var columns = await RowsAsync(db, $"PRAGMA index_info(\"{name}\")", r => $"{r["name"]}");
                description.Add($"{table} index {index} ({string.Join(", ", columns)})");
            }
            description.AddRange(await RowsAsync(db, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"{table} fk {r["from"]} -> {r["table"]}.{r["to"]} on delete {r["on_delete"]} on update {r["on_update"]}"));
        }
        description.Sort(StringComparer.Ordinal);
        return description;
    }

    private static async Task<List<string>> DumpAsync(DashboardDbContext db)
    {
        var dump = new List<string>();
        foreach (var table in await TablesAsync(db))
        {
            var rows = await RowsAsync(db, $"SELECT * FROM \"{table}\" ORDER BY rowid",
                r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => $"{r.GetName(i)}={r.GetValue(i)}")));
            dump.Add($"{table}: {string.Join("; ", rows)}");
        }
        return dump;
    }

    private static Task<List<string>> TablesAsync(DashboardDbContext db) => RowsAsync(db,
        $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'QRTZ_%' AND name <> '{SchemaMigrator.VersionTable}' ORDER BY name",
        r => r.GetString(0));

    internal static async Task<List<T>> RowsAsync<T>(DashboardDbContext db, string sql, Func<DbDataReader, T> read, int? assertTrue = null)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            if (assertTrue is { } column) Assert.Equal(1L, reader.GetInt64(column));
            rows.Add(read(reader));
        }
        return rows;
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
