using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Privacy;

/// <summary>The retained pool and audit calls as a client of the API makes them.</summary>
public static class PoolCalls
{
    public const string Items = "/api/v3/mip/items";

    public static async Task<JsonArray> PoolAsync(this HttpClient client, int perPage = 100) =>
        (await (await client.GetAsync($"{Items}?per_page={perPage}")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();

    public static async Task<JsonArray> AuditAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/v3/audit?per_page=100")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();

    /// <summary>Uploads one train pair with an optional query string (e.g. "?mip_opt_out=true").</summary>
    public static async Task<HttpResponseMessage> UploadPairAsync(this HttpClient client, int modelId, string transcript, string query = "")
    {
        var audio = await AudioFiles.SpeechAsync("the patient has atrial fibrillation");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("train"), "type" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(audio)), "audio_file", "dictation.wav" },
            { new StringContent(transcript), "transcript_file", "dictation.txt" },
        };
        return await client.PutAsync($"{ApiClientExtensions.Models}/{modelId}/data{query}", form);
    }

    public static Task<HttpResponseMessage> AddToModelAsync(this HttpClient client, int itemId, object body) =>
        client.PostAsJsonAsync($"{Items}/{itemId}/add_to_model", body);
}
