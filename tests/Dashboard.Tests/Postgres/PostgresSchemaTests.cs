using Dashboard.Server.Persistence;
using Dashboard.Tests.Api;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Postgres;

/// <summary>The postgres_NNNN scripts against the EF model on a real PostgreSQL 15, as SchemaTests does for SQLite.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "postgres")]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    private async Task<DashboardDbContext> OpenNewAsync(string prefix) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(await server.CreateDatabaseAsync(prefix)).Options);

    [Fact]
    public async Task AMigratedPostgresDatabase_HasExactlyTheSchemaOfTheEfModel()
    {
        await using var migrated = await OpenNewAsync("migrated");
        await using var created = await OpenNewAsync("created");

        await new SchemaMigrator(migrated).MigrateAsync(CancellationToken.None);
        await created.Database.EnsureCreatedAsync();

        var expected = await DescribeSchemaAsync(created);
        Assert.Contains(expected, l => l.StartsWith("CustomModels column TrainingStatus integer", StringComparison.Ordinal));
        SchemaComparison.AssertSame(expected, await DescribeSchemaAsync(migrated), "postgres");
    }

    [Fact]
    public async Task MigratingAPopulatedPostgresDatabaseAgain_KeepsEveryRowAndRecordsEachVersionOnce()
    {
        await using var db = await OpenNewAsync("populated");
        await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);
        await SchemaTests.PopulateAsync(db);

        var version = await new SchemaMigrator(db).MigrateAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.Scripts("postgres")[^1].Version, version);
        Assert.Equal(["Cardiology"], await db.CustomModels.Select(m => m.Name).ToListAsync());
        Assert.Equal(1, await db.Ledger.CountAsync());
        Assert.Equal(SchemaMigrator.Scripts("postgres").Select(s => (long)s.Version), await SchemaTests.RowsAsync(db, $"SELECT version FROM {SchemaMigrator.VersionTable} ORDER BY version", r => Convert.ToInt64(r.GetValue(0))));
    }

    /// <summary>Nodes of a cluster start together: one applies the scripts, the others wait for it and apply nothing twice.</summary>
    [Fact]
    public async Task NodesMigratingTheSameDatabaseAtOnce_ApplyEachScriptExactlyOnce()
    {
        var connectionString = await server.CreateDatabaseAsync("together");
        var contexts = Enumerable.Range(0, 4).Select(_ => new DashboardDbContext(new DbContextOptionsBuilder<DashboardDbContext>().UseNpgsql(connectionString).Options)).ToList();

        var versions = await Task.WhenAll(contexts.Select(c => new SchemaMigrator(c).MigrateAsync(CancellationToken.None)));

        Assert.All(versions, v => Assert.Equal(SchemaMigrator.Scripts("postgres")[^1].Version, v));
        Assert.Equal(SchemaMigrator.Scripts("postgres").Count, (await SchemaTests.RowsAsync(contexts[0], $"SELECT COUNT(*) FROM {SchemaMigrator.VersionTable}", r => r.GetInt64(0)))[0]);
        foreach (var context in contexts) await context.DisposeAsync();
    }

    /// <summary>Columns (type, length, nullability, default, identity), indexes and constraints of the application's tables.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(DashboardDbContext db)
    {
        const string Ours = "NOT LIKE 'qrtz%' AND {0} <> '" + SchemaMigrator.VersionTable + "'";
        var description = new List<string>();
        description.AddRange(await SchemaTests.RowsAsync(db,
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity FROM information_schema.columns "
            + $"WHERE table_schema = 'public' AND lower(table_name) {string.Format(Ours, "table_name")}",
            r => $"{r[0]} column {r[1]} {r[2]} length={r[3]} nullable={r[4]} default={r[5]} identity={r[6]}"));
        description.AddRange(await SchemaTests.RowsAsync(db,
            $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND lower(tablename) {string.Format(Ours, "tablename")}",
            r => $"{r[0]} index {r[1]}: {r[2]}"));
        description.AddRange(await SchemaTests.RowsAsync(db,
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            + $"WHERE c.connamespace = 'public'::regnamespace AND lower(t.relname) {string.Format(Ours, "t.relname")}",
            r => $"{r[0]} constraint {r[1]}: {r[2]}"));
        description.Sort(StringComparer.Ordinal);
        return description;
    }
}
