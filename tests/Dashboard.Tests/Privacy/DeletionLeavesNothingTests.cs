using Dashboard.Shared.Models;
using System.Data.Common;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Privacy;

/// <summary>
/// Deleting a model, a pool item or a whole organization (`delete-org`) removes its files and rows: a scan of the
/// storage folder and of every table finds nothing of it, while another organization keeps everything.
/// </summary>
[Trait("Category", "api")]
public sealed class DeletionLeavesNothingTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task DeletingAModel_RemovesItsFilesRowsAndJob_AndDeleteOrg_RemovesEverythingOfTheOrganization()
    {
        var gone = await factory.CreateClientForAsync("Clinic To Delete");
        var trained = await TrainedModelAsync(gone);
        var other = (int)(await gone.CreateModelAsync("Second model"))["id"]!;
        await (await gone.UploadPairAsync(other, "second model dictation")).ReadJsonAsync(expectSuccess: true);
        var kept = await factory.CreateClientForAsync("Clinic That Stays");
        var keptModel = (int)(await kept.CreateModelAsync("Stays"))["id"]!;
        await (await kept.UploadPairAsync(keptModel, "this one stays")).ReadJsonAsync(expectSuccess: true);
        var goneId = await OrganizationIdAsync("Clinic To Delete");
        var keptId = await OrganizationIdAsync("Clinic That Stays");
        Assert.NotEmpty(factory.BlobsOf(trained));
        Assert.NotEmpty(await RowsMentioningAsync("ModelId", trained));

        await (await gone.DeleteAsync($"{ApiClientExtensions.Models}/{trained}")).ReadJsonAsync(expectSuccess: true);

        Assert.Empty(factory.BlobsOf(trained));
        Assert.Empty(await RowsMentioningAsync("ModelId", trained, except: ["Ledger"])); // the bill for the run stays until the organization goes
        Assert.Empty(await RowsMentioningAsync("Id", trained, only: ["CustomModels"]));
        Assert.Empty(await QuartzJobsAsync($"train-model-{trained}"));
        Assert.Contains(await gone.AuditAsync(), e => (string)e!["action"]! == "model.delete" && (string)e["resource"]! == $"custom_model_{trained}");

        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(ServerProcess.Environment(factory.Folder), "delete-org", "--org", "Clinic To Delete");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("deleted organization 'Clinic To Delete': 1 models, 1 data files, 3 retained items", stdout.Trim());
        Assert.Empty(await RowsMentioningAsync("OrganizationId", goneId));
        Assert.Empty(await RowsMentioningAsync("ModelId", other));
        Assert.Empty(await RowsMentioningAsync("Id", goneId, only: ["Organizations"]));
        Assert.Empty(await RowsMentioningAsync("Id", other, only: ["CustomModels"]));
        var leftFiles = Directory.GetFiles(factory.BlobRoot(), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(factory.BlobRoot(), f)).ToList();
        Assert.NotEmpty(leftFiles);
        Assert.All(leftFiles, f => Assert.True(f.StartsWith($"models/{keptModel}/", StringComparison.Ordinal) || f.StartsWith($"pool/{keptId}/", StringComparison.Ordinal), f));
        Assert.Empty(factory.StagedFiles());
        Assert.Single(await kept.PoolAsync());
        Assert.Equal(1, await factory.DataFileCountAsync(keptModel));
    }

    [Fact]
    public async Task DeleteOrg_ForAnUnknownName_FailsWithAMessage_AndChangesNothing()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(ServerProcess.Environment(factory.Folder), "delete-org", "--org", "No Such Clinic");
        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("No Such Clinic", stderr);
    }

    private static async Task<int> TrainedModelAsync(HttpClient client)
    {
        var id = (int)(await client.CreateModelAsync())["id"]!;
        await client.UploadTrainAndTestAsync(id, seconds: 5);
        (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, TimeSpan.FromSeconds(60), TrainingStatus.Success);
        return id;
    }

    private Task<int> OrganizationIdAsync(string name) =>
        factory.QueryAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).FirstAsync());

    /// <summary>"Table: n rows" for every application table with <paramref name="column"/> = <paramref name="value"/>.</summary>
    private Task<List<string>> RowsMentioningAsync(string column, int value, string[]? except = null, string[]? only = null) =>
        factory.QueryAsync(async db =>
        {
            var found = new List<string>();
            foreach (var table in await ScalarsAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'QRTZ_%'"))
            {
                if (except?.Contains(table) == true || (only is not null && !only.Contains(table))) continue;
                var columns = await ScalarsAsync(db, $"SELECT name FROM pragma_table_info('{table}')");
                if (!columns.Contains(column)) continue;
                var count = (await ScalarsAsync(db, $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = {value}"))[0];
                if (count != "0") found.Add($"{table}: {count} rows");
            }
            return found;
        });

    private Task<List<string>> QuartzJobsAsync(string name) =>
        factory.QueryAsync(db => ScalarsAsync(db, $"SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = '{name}' UNION ALL SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE JOB_NAME = '{name}'"));

    private static async Task<List<string>> ScalarsAsync(Dashboard.Server.Persistence.DashboardDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
