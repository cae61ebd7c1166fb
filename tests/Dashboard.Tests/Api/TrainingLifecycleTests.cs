using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>POST /run and GET /log through the lifecycle 1 → 2 → 3 → 4 | 5, with short simulated runs.</summary>
[Trait("Category", "api")]
public sealed class TrainingLifecycleTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);
    private static readonly string[] LogLevels = ["info", "warning", "error"];

    private Task<HttpClient> NewOrganizationAsync() => factory.CreateClientForAsync("lifecycle-" + Guid.NewGuid().ToString("N"));

    private static Task<HttpResponseMessage> RunAsync(HttpClient client, int id) => client.PostAsJsonAsync($"{Models}/{id}/run", new { });

    [Fact]
    public async Task StartTraining_Returns409_WhenNoDataUploaded()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).CreateAsync();

        var error = await (await RunAsync(client, id)).AssertErrorAsync(HttpStatusCode.Conflict, "MODEL_NOT_READY");

        Assert.Equal(id, (int)error["details"]!["model_id"]!);
        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task StartTraining_Returns409_WhenOnlyTrainingDataUploaded()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).WithTrain().CreateAsync();

        var error = await (await RunAsync(client, id)).AssertErrorAsync(HttpStatusCode.Conflict, "MODEL_NOT_READY");

        Assert.Contains("test", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task StartTraining_Returns404_ForAModelThatDoesNotExist()
    {
        var client = await NewOrganizationAsync();

        await (await RunAsync(client, 424242)).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }

    [Fact]
    public async Task StartTraining_Returns202Running_ThenTheModelSucceedsWithMetricsAndALog()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        var started = await (await RunAsync(client, id)).AssertStatusAsync(HttpStatusCode.Accepted);

        Assert.Equal(id, (int)started["id"]!);
        Assert.Equal(TrainingStatus.Running, started.Status());
        var done = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);
        Assert.Equal(TrainingStatus.Success, done.Status());
        Assert.Equal(100, (int)done["training_progress"]!);
        Assert.Null(done["failure_reason"]);
        Assert.Equal(1, (int)done["training_metrics"]!["version"]!);
        var log = await (await client.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        Assert.Equal(id, (int)log["model_id"]!);
        Assert.Equal(TrainingStatus.Success, log.Status());
        var lines = log["lines"]!.AsArray();
        Assert.StartsWith("Training version 1 queued", (string?)lines[0]!["message"], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Contains((string?)l!["level"], LogLevels));
        Assert.StartsWith("Training succeeded", (string?)lines[^1]!["message"], StringComparison.Ordinal);
        var timestamps = lines.Select(l => (DateTimeOffset)l!["timestamp"]!).ToList();
        Assert.Equal(timestamps.Order(), timestamps);
    }

    [Fact]
    public async Task Retraining_AfterSuccess_WithMoreData_MakesVersionTwo()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        await (await RunAsync(client, id)).AssertStatusAsync(HttpStatusCode.Accepted);
        var first = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);
        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("flac", 4), await AudioFiles.TranscriptAsync("more words"))).AssertStatusAsync(HttpStatusCode.OK);

        await (await RunAsync(client, id)).AssertStatusAsync(HttpStatusCode.Accepted);
        var second = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);

        Assert.Equal(1, (int)first["training_metrics"]!["version"]!);
        Assert.Equal(TrainingStatus.Success, second.Status());
        Assert.Equal(2, (int)second["training_metrics"]!["version"]!);
        Assert.True((double)second["training_metrics"]!["training_hours"]! > (double)first["training_metrics"]!["training_hours"]!);
    }

    [Fact]
    public async Task Training_Fails_WithTheReasonInTheModelAndTheLog_WhenAStoredFileBecameUnreadable()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).WithTrain(fileName: "cardiology_01.wav").WithTest().CreateAsync();
        var trainAudio = Assert.Single(factory.BlobsOf(id), b => b.Contains("/train/", StringComparison.Ordinal) && b.EndsWith(".audio", StringComparison.Ordinal));
        File.Delete(trainAudio);

        await (await RunAsync(client, id)).AssertStatusAsync(HttpStatusCode.Accepted);
        var failed = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);

        Assert.Equal(TrainingStatus.Failed, failed.Status());
        var reason = (string?)failed["failure_reason"];
        Assert.Contains("cardiology_01.wav", reason, StringComparison.Ordinal);
        Assert.Null(failed["training_metrics"]);
        var log = await (await client.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        var last = log["lines"]!.AsArray()[^1]!;
        Assert.Equal("error", (string?)last["level"]);
        Assert.Contains(reason!, (string?)last["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLog_AsText_IsADownloadableTextFile()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        await (await RunAsync(client, id)).AssertStatusAsync(HttpStatusCode.Accepted);
        await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);

        var response = await client.GetAsync($"{Models}/{id}/log?format=text");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"custom_model_{id}_training.log", response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(await client.LogMessagesAsync(id), text.TrimEnd('\n').Split('\n').Select(l => l[(l.IndexOf("] ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public async Task GetLog_IsEmpty_BeforeAnyRun()
    {
        var client = await NewOrganizationAsync();
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        var log = await (await client.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);

        Assert.Equal(TrainingStatus.ReadyToRun, log.Status());
        Assert.Empty(log["lines"]!.AsArray());
    }

    [Fact]
    public async Task GetLog_Returns404_ForAModelThatDoesNotExist()
    {
        var client = await NewOrganizationAsync();

        await (await client.GetAsync($"{Models}/424243/log")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }
}
