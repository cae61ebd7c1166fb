using Dashboard.Shared.Models;
using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>The API's main flow with Database:Provider=postgres: the same answers as on SQLite, from a real PostgreSQL 15.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "postgres")]
public sealed class PostgresApiFlowTests(PostgresServer server)
{
    private const string Models = ApiClientExtensions.Models;

    [Fact]
    public async Task CreateUploadTrainReadAndDelete_WorkOnPostgres_AndAnotherOrganizationSeesNothing()
    {
        await using var factory = new PostgresDashboardFactory(await server.CreateDatabaseAsync("apiflow"));
        using var client = await factory.CreateClientForAsync("pg-flow");
        using var other = await factory.CreateClientForAsync("pg-other");

        var id = await new CustomModelBuilder(client).Named("Postgres cardiology").ReadyToRun().CreateAsync();
        Assert.Equal(TrainingStatus.ReadyToRun, (await client.GetModelAsync(id)).Status());
        await (await client.PostAsync($"{Models}/{id}/run", null)).AssertStatusAsync(HttpStatusCode.Accepted);
        var done = await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success, TrainingStatus.Failed);

        Assert.Equal(TrainingStatus.Success, done.Status());
        Assert.Equal(100, (int)done["training_progress"]!);
        Assert.True((double)done["training_metrics"]!["word_error_rate"]! > 0, done.ToJsonString());
        var list = await (await client.GetAsync($"{Models}?training_status={(int)TrainingStatus.Success}")).ReadJsonAsync(expectSuccess: true);
        Assert.Equal([id], list["data"]!.AsArray().Select(m => (int)m!["id"]!));
        var log = await (await client.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        Assert.StartsWith("Training succeeded", (string)log["lines"]!.AsArray()[^1]!["message"]!, StringComparison.Ordinal);
        await (await other.GetAsync($"{Models}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        Assert.Equal(0, (int)(await (await other.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);

        await (await client.DeleteAsync($"{Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync($"{Models}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }
}
