using System.Net.Http.Json;
using Dashboard.Server.Storage;
using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Privacy;

/// <summary>The retention purge, run with a clock moved forward: each organization's retention_days decides.</summary>
[Trait("Category", "api")]
public sealed class RetentionPurgeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ThePurge_DeletesPoolItemsPastEachOrganizationsRetention_AndLogsWhatItPurged()
    {
        var weekly = await OrganizationWithOneKeptUploadAsync("retention-7-days", 7);
        var quarterly = await OrganizationWithOneKeptUploadAsync("retention-90-days", 90);
        var filesBefore = Directory.GetFiles(Path.Combine(factory.BlobRoot(), "pool"), "*", SearchOption.AllDirectories).Length;

        var (afterSixDays, _) = await PurgeAsync(TimeSpan.FromDays(6));
        var (afterEightDays, log) = await PurgeAsync(TimeSpan.FromDays(8));

        Assert.Equal(0, afterSixDays);
        Assert.Equal(1, afterEightDays);
        Assert.Empty(await weekly.PoolAsync());
        Assert.Single(await quarterly.PoolAsync());
        Assert.Equal(filesBefore - 2, Directory.GetFiles(Path.Combine(factory.BlobRoot(), "pool"), "*", SearchOption.AllDirectories).Length);
        var line = Assert.Single(log);
        Assert.Contains("retention-7-days", line);
        Assert.Contains("1 retained items", line);

        var (afterNinetyOneDays, _) = await PurgeAsync(TimeSpan.FromDays(91));
        Assert.Equal(1, afterNinetyOneDays);
        Assert.Empty(await quarterly.PoolAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.BlobRoot(), "pool"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ANewOrganization_GetsTheConfiguredDefaultRetention()
    {
        var client = await factory.CreateClientForAsync("retention-default");
        var account = await (await client.GetAsync("/api/v3/account")).ReadJsonAsync(expectSuccess: true);
        Assert.Equal(30, (int)account["retention_days"]!);
    }

    [Fact]
    public async Task ThePurgeJob_IsScheduledInQuartz_EveryConfiguredInterval()
    {
        _ = await factory.CreateClientForAsync("retention-schedule"); // starts the host
        var schedule = await factory.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT t.TRIGGER_STATE, s.REPEAT_INTERVAL FROM QRTZ_TRIGGERS t JOIN QRTZ_SIMPLE_TRIGGERS s ON s.TRIGGER_NAME = t.TRIGGER_NAME AND s.TRIGGER_GROUP = t.TRIGGER_GROUP WHERE t.JOB_NAME = 'retention-purge'";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string State, long IntervalMs)>();
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1)));
            return rows;
        });
        var (state, intervalMs) = Assert.Single(schedule);
        Assert.Equal("WAITING", state);
        Assert.Equal(TimeSpan.FromMinutes(60).TotalMilliseconds, intervalMs);
    }

    private async Task<HttpClient> OrganizationWithOneKeptUploadAsync(string name, int retentionDays)
    {
        var client = await factory.CreateClientForAsync(name);
        await (await client.PostAsJsonAsync("/api/v3/account", new { retention_days = retentionDays })).ReadJsonAsync(expectSuccess: true);
        var model = (int)(await client.CreateModelAsync())["id"]!;
        await (await client.UploadPairAsync(model, $"kept for {retentionDays} days")).ReadJsonAsync(expectSuccess: true);
        Assert.Single(await client.PoolAsync());
        return client;
    }

    private async Task<(int Purged, List<string> Log)> PurgeAsync(TimeSpan later)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var clock = new ShiftedClock(later);
        var log = new ListLogger<RetentionService>();
        var pool = new RetainedPool(db, scope.ServiceProvider.GetRequiredService<IBlobStorage>(), clock, NullLogger<RetainedPool>.Instance);
        var purged = await new RetentionService(db, pool, clock, log).PurgeAsync(CancellationToken.None);
        return (purged, log.Messages);
    }
}
