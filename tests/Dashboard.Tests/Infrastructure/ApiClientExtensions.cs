using Dashboard.Shared.Models;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Infrastructure;

/// <summary>The API as a client written from the seed would call it (snake_case JSON).</summary>
public static class ApiClientExtensions
{
    public const string Models = "/api/v3/custom_models";

    public static async Task<JsonNode> CreateModelAsync(this HttpClient client, string name = "Medical Cardiology EN", string baseModel = "medical")
    {
        var response = await client.PostAsJsonAsync(Models, new { name, language = "en", base_model = baseModel, description = "test model" });
        return await response.ReadJsonAsync(expectSuccess: true);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int modelId, string type, string audioPath, string transcriptPath,
        string? audioName = null, string? transcriptName = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(type), "type");
        var audio = new StreamContent(File.OpenRead(audioPath));
        audio.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(audio, "audio_file", audioName ?? Path.GetFileName(audioPath));
        form.Add(new StreamContent(File.OpenRead(transcriptPath)), "transcript_file", transcriptName ?? Path.GetFileName(transcriptPath));
        return await client.PutAsync($"{Models}/{modelId}/data", form);
    }

    /// <summary>Uploads one train and one test pair of tones: the model becomes ready to run.</summary>
    public static async Task UploadTrainAndTestAsync(this HttpClient client, int modelId, double seconds = 2)
    {
        var audio = await AudioFiles.ToneAsync("wav", seconds);
        var transcript = await AudioFiles.TranscriptAsync("the patient has atrial fibrillation");
        foreach (var type in new[] { "train", "test" })
            await (await client.UploadAsync(modelId, type, audio, transcript)).ReadJsonAsync(expectSuccess: true);
    }

    public static async Task<JsonNode> GetModelAsync(this HttpClient client, int modelId) =>
        await (await client.GetAsync($"{Models}/{modelId}")).ReadJsonAsync(expectSuccess: true);

    /// <summary>The model's training_status, read as the enum it serializes.</summary>
    public static TrainingStatus Status(this JsonNode model) => (TrainingStatus)(int)model["training_status"]!;

    /// <summary>Polls as the seed's Quick Start does, until training_status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this HttpClient client, int modelId, TimeSpan timeout, params TrainingStatus[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var model = await client.GetModelAsync(modelId);
            if (statuses.Contains(model.Status())) return model;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Model {modelId} still in status {model["training_status"]} after {timeout}: {model.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    /// <summary>Starts a run (202) and waits until it ends, which must be in <paramref name="expect"/>; returns the model then.</summary>
    public static async Task<JsonNode> TrainAsync(this HttpClient client, int modelId, TrainingStatus expect = TrainingStatus.Success)
    {
        await (await client.PostAsJsonAsync($"{Models}/{modelId}/run", new { })).AssertStatusAsync(System.Net.HttpStatusCode.Accepted);
        var done = await client.WaitForStatusAsync(modelId, TimeSpan.FromMinutes(1), TrainingStatus.Success, TrainingStatus.Failed);
        Assert.True(done.Status() == expect, done.ToJsonString());
        return done;
    }

    public static async Task<JsonNode> GetVersionsAsync(this HttpClient client, int modelId) =>
        await (await client.GetAsync($"{Models}/{modelId}/versions")).AssertStatusAsync(System.Net.HttpStatusCode.OK);

    /// <summary>Polls until the run is in Running with at least <paramref name="percent"/> done: the moment to pull the plug.</summary>
    public static async Task<JsonNode> WaitForProgressAsync(this HttpClient client, int modelId, int percent = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var model = await client.GetModelAsync(modelId);
            if (model.Status() == TrainingStatus.Running && (int)model["training_progress"]! >= percent) return model;
            if (model.Status() is not (TrainingStatus.ReadyToRun or TrainingStatus.Running) || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The run did not make progress: {model.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The messages of the model's training log, oldest first.</summary>
    public static async Task<List<string>> LogMessagesAsync(this HttpClient client, int modelId) =>
        (await (await client.GetAsync($"{Models}/{modelId}/log")).ReadJsonAsync(expectSuccess: true))["lines"]!.AsArray()
        .Select(l => (string)l!["message"]!).ToList();

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response, bool expectSuccess = false)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (expectSuccess && !response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        try
        {
            return JsonNode.Parse(body) ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw new HttpRequestException($"Not JSON ({(int)response.StatusCode}): {body}");
        }
    }
}
