using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Training;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api;

/// <summary>
/// Runs wait at the test's gate (in Running) until the test cancels them; one that is let through lasts a minute,
/// longer than any test here takes to stop it.
/// </summary>
public sealed class HeldRunsFactory : GatedEngineFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Training:Simulation:MinimumSeconds"] = "60",
    };
}

/// <summary>POST /cancel, and what may and may not change while a run is in progress (held at the gate until canceled).</summary>
[Trait("Category", "api")]
public sealed class CancelTests(HeldRunsFactory factory) : IClassFixture<HeldRunsFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Client, int Id)> RunningModelAsync()
    {
        var client = await factory.CreateClientForAsync("cancel-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        factory.Gate.Close();
        await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
        await factory.Gate.Reached;
        return (client, id);
    }

    private async Task<bool> HasTrainingJobAsync(int id)
    {
        var scheduler = await factory.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        return await scheduler.Exists(TrainingScheduler.JobKeyOf(id));
    }

    [Fact]
    public async Task CancelTraining_ReturnsTheModelToReadyToRun_AndStopsTheRun()
    {
        var (client, id) = await RunningModelAsync();

        var canceled = await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(TrainingStatus.ReadyToRun, canceled.Status());
        Assert.Equal(0, (int)canceled["training_progress"]!);
        Assert.Equal(TrainingStatus.ReadyToRun, (await client.GetModelAsync(id)).Status());
        Assert.False(await HasTrainingJobAsync(id));
        var log = await (await client.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        Assert.Contains(log["lines"]!.AsArray(), l => ((string)l!["message"]!).Contains("canceled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelTraining_ThenStartAgain_RunsAgain()
    {
        var (client, id) = await RunningModelAsync();
        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);

        var restarted = await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);

        Assert.Equal(TrainingStatus.Running, restarted.Status());
        Assert.True(await HasTrainingJobAsync(id));
        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CancelTraining_Returns409_WhenTheModelIsNotTraining()
    {
        var client = await factory.CreateClientForAsync("cancel-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal(TrainingStatus.ReadyToRun, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task CancelTraining_Returns404_ForAModelThatDoesNotExist()
    {
        var client = await factory.CreateClientForAsync("cancel-" + Guid.NewGuid().ToString("N"));

        await (await client.PostAsync($"{Models}/31337/cancel", null)).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }

    [Fact]
    public async Task StartTraining_Returns409_WhileTheModelIsAlreadyRunning()
    {
        var (client, id) = await RunningModelAsync();

        await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertErrorAsync(HttpStatusCode.Conflict, "MODEL_NOT_READY");

        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteData_Returns409_WhileTraining()
    {
        var (client, id) = await RunningModelAsync();
        var files = await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        var fileId = (int)files["data"]![0]!["id"]!;

        await (await client.DeleteAsync($"{Models}/{id}/data/{fileId}")).AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal(2, await factory.DataFileCountAsync(id));
        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateModel_Returns409_ForTheBaseModelWhileTraining_ButRenames()
    {
        var (client, id) = await RunningModelAsync();

        await (await client.PostAsJsonAsync($"{Models}/{id}", new { base_model = "legal" })).AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        await (await client.PostAsJsonAsync($"{Models}/{id}", new { name = "Renamed while running" })).AssertStatusAsync(HttpStatusCode.OK);

        var model = await client.GetModelAsync(id);
        Assert.Equal("medical", (string?)model["base_model"]);
        Assert.Equal("Renamed while running", (string?)model["name"]);
        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteModel_WhileTraining_StopsTheRunAndDeletesTheFiles()
    {
        var (client, id) = await RunningModelAsync();

        await (await client.DeleteAsync($"{Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        await (await client.GetAsync($"{Models}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        Assert.False(await HasTrainingJobAsync(id));
        Assert.Empty(factory.BlobsOf(id));
    }

    [Fact]
    public async Task GetModel_ShowsTrainingProgress_AsSoonAsItIsStored()
    {
        var (client, id) = await RunningModelAsync();
        var polled = await client.GetModelAsync(id); // polling as a client does keeps the status cached
        factory.Gate.Open();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int stored;
        while ((stored = await factory.QueryAsync(db => db.CustomModels.Where(m => m.Id == id).Select(m => m.TrainingProgress).SingleAsync())) < 10)
        {
            Assert.True(DateTime.UtcNow < deadline, "The run made no progress.");
            await Task.Delay(50);
            polled = await client.GetModelAsync(id);
        }

        var model = await client.GetModelAsync(id);

        Assert.Equal(TrainingStatus.Running, polled.Status());
        Assert.Equal(TrainingStatus.Running, model.Status());
        Assert.True((int)model["training_progress"]! >= stored, $"stored {stored}, answered {model["training_progress"]}");
        await (await client.PostAsync($"{Models}/{id}/cancel", null)).AssertStatusAsync(HttpStatusCode.OK);
    }
}
