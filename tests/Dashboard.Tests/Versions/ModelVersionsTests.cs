using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Sphinx;

namespace Dashboard.Tests.Versions;

/// <summary>
/// Each successful run is a version; the serving one answers `custom_model_{id}` also while the model retrains and
/// after a failed retrain; GET .../versions lists them; an admin chooses which one serves.
/// </summary>
[Trait("Category", "api")]
public sealed class ModelVersionsTests(GatedEngineFactory factory) : IClassFixture<GatedEngineFactory>
{
    private const string Models = ApiClientExtensions.Models;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private async Task<(HttpClient Client, int Id)> TrainedModelAsync()
    {
        var client = await factory.CreateClientForAsync("versions-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        await client.TrainAsync(id);
        return (client, id);
    }

    /// <summary>Starts a retrain and returns once it waits at the closed gate, in Running.</summary>
    private async Task StartHeldRetrainAsync(HttpClient client, int id)
    {
        factory.Gate.Close();
        await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
        await factory.Gate.Reached;
    }

    [Fact]
    public async Task ARetrainingModel_KeepsAnsweringTranscriptionRequests_WithItsServingVersion()
    {
        var (client, id) = await TrainedModelAsync();
        var speech = await AudioFiles.SpeechAsync("the patient has atrial fibrillation");
        await StartHeldRetrainAsync(client, id);

        var stt = await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", speech);
        var listen = await SphinxApiCalls.ListenAsync(client, $"custom_model_{id}", speech);
        var model = await client.GetModelAsync(id);
        factory.Gate.Open();

        var answer = await stt.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal($"custom_model_{id}", (string?)answer["model"]);
        await listen.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(TrainingStatus.Running, model.Status());
        Assert.Equal(1, (int)model["training_metrics"]!["version"]!);
        var done = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);
        Assert.Equal(2, (int)done["training_metrics"]!["version"]!);
        Assert.Equal(2, (int?)(await client.GetVersionsAsync(id))["serving_version"]);
    }

    [Fact]
    public async Task ARetrainingModel_StreamsLive_WithItsServingVersion()
    {
        var (client, id) = await TrainedModelAsync();
        var speech = await File.ReadAllBytesAsync(await AudioFiles.SpeechAsync("the patient has atrial fibrillation"));
        await StartHeldRetrainAsync(client, id);

        var messages = await StreamAsync(client, $"custom_model_{id}", speech);
        factory.Gate.Open();

        var metadata = Assert.Single(messages, m => (string?)m["type"] == "Metadata");
        var info = Assert.Single(metadata["model_info"]!.AsObject()).Value!;
        Assert.Equal($"custom_model_{id}", (string?)info["name"]);
        Assert.Equal($"custom_model_{id}/v1", (string?)info["version"]);
        Assert.Contains(messages, m => (string?)m["type"] == "Results" && (bool)m["is_final"]! &&
            !string.IsNullOrEmpty((string?)m["channel"]!["alternatives"]![0]!["transcript"]));
        await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);
    }

    /// <summary>Streams a WAV file over the /v1/listen WebSocket with the client's key, closes the stream, and returns every message.</summary>
    private async Task<List<JsonNode>> StreamAsync(HttpClient client, string model, byte[] wav)
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Authorization = client.DefaultRequestHeaders.Authorization!.ToString();
        using var socket = await sockets.ConnectAsync(new Uri($"ws://localhost/v1/listen?model={model}"), CancellationToken.None);
        foreach (var chunk in wav.Chunk(8000))
            await socket.SendAsync(chunk, WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync("""{"type":"CloseStream"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var messages = new List<JsonNode>();
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close) return messages;
            messages.Add(JsonNode.Parse(message.ToArray())!);
        }
    }

    [Fact]
    public async Task AFailedRetrain_KeepsServingTheLastGoodVersion_WithItsMetrics()
    {
        var (client, id) = await TrainedModelAsync();
        var first = (await client.GetModelAsync(id))["training_metrics"]!;
        await StartHeldRetrainAsync(client, id);
        factory.Gate.Fail("The test set could not be decoded.");
        var failed = await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Success, TrainingStatus.Failed);

        var stt = await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", await AudioFiles.SpeechAsync("take warfarin daily"));

        Assert.Equal(TrainingStatus.Failed, failed.Status());
        Assert.Equal("The test set could not be decoded.", (string?)failed["failure_reason"]);
        Assert.Equal(first.ToJsonString(), failed["training_metrics"]!.ToJsonString());
        await stt.AssertStatusAsync(HttpStatusCode.OK);
        var versions = await client.GetVersionsAsync(id);
        Assert.Equal(1, (int?)versions["serving_version"]);
        Assert.Equal([1], versions["data"]!.AsArray().Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task Versions_ListEachSuccessfulRun_NewestFirst_WithMetricsDataAndTheServingFlag()
    {
        var (client, id) = await TrainedModelAsync();
        var first = (await client.GetModelAsync(id))["training_metrics"]!;
        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("flac", 4), await AudioFiles.TranscriptAsync("more words"))).AssertStatusAsync(HttpStatusCode.OK);
        var second = (await client.TrainAsync(id))["training_metrics"]!;

        var versions = await client.GetVersionsAsync(id);

        Assert.Equal(id, (int)versions["model_id"]!);
        Assert.Equal(2, (int?)versions["serving_version"]);
        var data = versions["data"]!.AsArray();
        Assert.Equal([2, 1], data.Select(v => (int)v!["version"]!));
        Assert.Equal([true, false], data.Select(v => (bool)v!["serving"]!));
        Assert.Equal([3, 2], data.Select(v => (int)v!["data_files"]!));
        Assert.Equal([2, 1], data.Select(v => (int)v!["train_files"]!));
        Assert.Equal((double)second["word_error_rate"]!, (double)data[0]!["word_error_rate"]!);
        Assert.Equal((double)first["word_error_rate"]!, (double)data[1]!["word_error_rate"]!);
        Assert.Equal((double)first["training_hours"]!, (double)data[1]!["training_hours"]!);
        Assert.Equal("simulated", (string?)data[0]!["engine"]);
        Assert.True((DateTimeOffset)data[0]!["created_at"]! > (DateTimeOffset)data[1]!["created_at"]!);
    }

    [Fact]
    public async Task ServeVersion_RollsBack_TheModelShowsThatVersion_UntilANewRunSucceeds()
    {
        var (client, id) = await TrainedModelAsync();
        var first = (await client.GetModelAsync(id))["training_metrics"]!;
        await client.TrainAsync(id);

        var served = await (await client.PostAsync($"{Models}/{id}/versions/1/serve", null)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int?)served["serving_version"]);
        var model = await client.GetModelAsync(id);
        Assert.Equal(TrainingStatus.Success, model.Status());
        Assert.Equal(first.ToJsonString(), model["training_metrics"]!.ToJsonString());
        await (await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", await AudioFiles.SpeechAsync("heart rate"))).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains(await client.LogMessagesAsync(id), m => m.StartsWith("Version 1 now serves", StringComparison.Ordinal));
        await client.TrainAsync(id);
        Assert.Equal(3, (int?)(await client.GetVersionsAsync(id))["serving_version"]);
    }

    [Fact]
    public async Task ServeVersion_Returns404_ForAVersionThatDoesNotExist_And409_ForAFailedOne_ChangingNothing()
    {
        var (client, id) = await TrainedModelAsync();
        await StartHeldRetrainAsync(client, id);
        factory.Gate.Fail("no luck");
        await client.WaitForStatusAsync(id, RunTimeout, TrainingStatus.Failed);

        await (await client.PostAsync($"{Models}/{id}/versions/7/serve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await client.PostAsync($"{Models}/{id}/versions/2/serve", null)).AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal(1, (int?)(await client.GetVersionsAsync(id))["serving_version"]);
    }

    [Fact]
    public async Task Versions_AreEmpty_AndTheModelDoesNotTranscribe_BeforeAFirstSuccessfulRun()
    {
        var client = await factory.CreateClientForAsync("versions-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        var versions = await client.GetVersionsAsync(id);

        Assert.Null(versions["serving_version"]);
        Assert.Empty(versions["data"]!.AsArray());
        await (await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", await AudioFiles.ToneAsync("wav", 1)))
            .AssertErrorAsync(HttpStatusCode.Conflict, "MODEL_NOT_READY");
    }

    [Fact]
    public async Task Versions_OfAnotherOrganizationsModel_AreNotFound()
    {
        var (_, id) = await TrainedModelAsync();
        var other = await factory.CreateClientForAsync("versions-other-" + Guid.NewGuid().ToString("N"));

        await (await other.GetAsync($"{Models}/{id}/versions")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        await (await other.PostAsync($"{Models}/{id}/versions/1/serve", null)).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }
}
