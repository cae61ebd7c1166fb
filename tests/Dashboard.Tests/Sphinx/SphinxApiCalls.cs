using Dashboard.Shared.Models;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Shared.Transcription;

namespace Dashboard.Tests.Sphinx;

/// <summary>The few API calls the sphinx tests make, in the seed's snake_case JSON.</summary>
public static class SphinxApiCalls
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> CreateModelAsync(HttpClient client, string name, string baseModel = "medical")
    {
        var response = await client.PostAsJsonAsync("/api/v3/custom_models", new { name, language = "en", base_model = baseModel }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }

    public static async Task UploadAsync(HttpClient client, int modelId, string type, string audioPath, string transcript)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(type), "type" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(audioPath)), "audio_file", Path.GetFileName(audioPath) },
            { new StringContent(transcript), "transcript_file", Path.ChangeExtension(Path.GetFileName(audioPath), ".txt") },
        };
        var response = await client.PutAsync($"/api/v3/custom_models/{modelId}/data", form);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"upload {audioPath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> SttAsync(HttpClient client, string model, string audioPath, string language = "en", string? mipOptOut = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(model), "model" },
            { new StringContent(language), "language" },
        };
        if (mipOptOut is not null) form.Add(new StringContent(mipOptOut), "mip_opt_out");
        var audio = new ByteArrayContent(File.ReadAllBytes(audioPath));
        audio.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(audio, "audio_file", Path.GetFileName(audioPath));
        return client.PostAsync("/api/v3/stt", form);
    }

    /// <summary>Deepgram's pre-recorded request: the whole body is the WAV file.</summary>
    public static async Task<HttpResponseMessage> ListenAsync(HttpClient client, string model, string audioPath)
    {
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(audioPath));
        body.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return await client.PostAsync($"/v1/listen?model={model}", body);
    }

    public static async Task<TranscriptionResponse> TranscribeAsync(HttpClient client, string model, string audioPath)
    {
        var response = await SttAsync(client, model, audioPath);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"stt {model} {audioPath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TranscriptionResponse>(Json))!;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>Polls the model until training succeeds; a failure or the deadline throws with the training log.</summary>
    public static async Task WaitForTrainingAsync(HttpClient client, int modelId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var model = await GetJsonAsync(client, $"/api/v3/custom_models/{modelId}");
            var status = (TrainingStatus)model.GetProperty("training_status").GetInt32();
            if (status == TrainingStatus.Success) return;
            if (status == TrainingStatus.Failed || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Training did not succeed: {model}\n{await client.GetStringAsync($"/api/v3/custom_models/{modelId}/log?format=text")}");
            await Task.Delay(500);
        }
    }

    public static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);
}
