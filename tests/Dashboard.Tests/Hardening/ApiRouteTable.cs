using System.Net.Http.Headers;
using System.Text;

namespace Dashboard.Tests.Hardening;

/// <summary>What a route's request body is, which decides the bad inputs it is walked with.</summary>
public enum BodyKind
{
    None,
    Json,
    /// <summary>multipart/form-data with an `audio_file` (and for data uploads a `transcript_file`).</summary>
    Multipart,
    /// <summary>The whole body is the audio (Deepgram's /v1/listen).</summary>
    RawAudio,
}

/// <summary>The ids a valid request refers to: a model ready to run (with one file) and a trained one.</summary>
public sealed record RouteIds(int ReadyModel, int File, int TrainedModel);

/// <summary>One API route and a valid request for it, which the walker then spoils in every way that applies.</summary>
/// <param name="Path">The path of a valid request, from the ids.</param>
/// <param name="Json">For <see cref="BodyKind.Json"/>: a valid JSON object body.</param>
/// <param name="Form">For <see cref="BodyKind.Multipart"/>: the text fields (files are added by the walker).</param>
/// <param name="ModelScoped">The route names one model: another organization must get 404 and change nothing.</param>
public sealed record RouteCase(string Method, string Pattern, BodyKind Body, Func<RouteIds, string> Path,
    string? Json = null, IReadOnlyDictionary<string, string>? Form = null, bool ModelScoped = true)
{
    /// <summary>For multipart routes that name the model in a form field (`model`).</summary>
    public Func<RouteIds, string>? ModelField { get; init; }

    public string Key => $"{Method} {Pattern}";

    public bool HasIds => Pattern.Contains("{id", StringComparison.Ordinal);

    public bool TakesAudio => Body is BodyKind.Multipart or BodyKind.RawAudio;

    public bool TakesTranscript => Body == BodyKind.Multipart && Pattern.EndsWith("/data", StringComparison.Ordinal);

    public override string ToString() => Key;
}

/// <summary>
/// Every API route with a sample valid request. A route the server maps but this table lacks fails
/// <c>EveryApiRoute_HasACaseInTheTable</c>: add one line here for it (method, pattern as the server declares it,
/// body kind, and how to build a valid path and body).
/// </summary>
public static class ApiRouteTable
{
    private const string Models = "/api/v3/custom_models";

    public static readonly IReadOnlyList<RouteCase> Cases =
    [
        new("POST", Models, BodyKind.Json, _ => Models, Json: """{"name":"Walker","language":"en","base_model":"legal"}""", ModelScoped: false),
        new("GET", Models, BodyKind.None, _ => $"{Models}?page=1&per_page=20", ModelScoped: false),
        new("GET", $"{Models}/{{id:int}}", BodyKind.None, i => $"{Models}/{i.ReadyModel}"),
        new("POST", $"{Models}/{{id:int}}", BodyKind.Json, i => $"{Models}/{i.ReadyModel}", Json: """{"description":"changed"}"""),
        new("DELETE", $"{Models}/{{id:int}}", BodyKind.None, i => $"{Models}/{i.ReadyModel}"),
        new("PUT", $"{Models}/{{id:int}}/data", BodyKind.Multipart, i => $"{Models}/{i.ReadyModel}/data", Form: new Dictionary<string, string> { ["type"] = "train" }),
        new("GET", $"{Models}/{{id:int}}/data", BodyKind.None, i => $"{Models}/{i.ReadyModel}/data"),
        new("DELETE", $"{Models}/{{id:int}}/data/{{fileId:int}}", BodyKind.None, i => $"{Models}/{i.ReadyModel}/data/{i.File}"),
        new("GET", $"{Models}/{{id:int}}/data/{{fileId:int}}/audio", BodyKind.None, i => $"{Models}/{i.ReadyModel}/data/{i.File}/audio"),
        new("POST", $"{Models}/{{id:int}}/run", BodyKind.None, i => $"{Models}/{i.ReadyModel}/run"),
        new("POST", $"{Models}/{{id:int}}/cancel", BodyKind.None, i => $"{Models}/{i.ReadyModel}/cancel"),
        new("GET", $"{Models}/{{id:int}}/log", BodyKind.None, i => $"{Models}/{i.ReadyModel}/log"),
        new("GET", $"{Models}/{{id:int}}/evaluation", BodyKind.None, i => $"{Models}/{i.TrainedModel}/evaluation"),
        new("POST", "/api/v3/stt", BodyKind.Multipart, _ => "/api/v3/stt",
            Form: new Dictionary<string, string> { ["language"] = "en" }) { ModelField = i => $"custom_model_{i.TrainedModel}" },
        new("POST", "/v1/listen", BodyKind.RawAudio, i => $"/v1/listen?model=custom_model_{i.TrainedModel}"),
        new("GET", "/v1/listen", BodyKind.None, i => $"/v1/listen?model=custom_model_{i.TrainedModel}"), // a WebSocket; refusals come before the upgrade
        new("GET", "/api/v3/usage", BodyKind.None, _ => "/api/v3/usage", ModelScoped: false),
        new("GET", "/api/v3/account", BodyKind.None, _ => "/api/v3/account", ModelScoped: false),
        new("POST", "/api/v3/account", BodyKind.Json, _ => "/api/v3/account", Json: """{"retention_days":30}""", ModelScoped: false),
        new("GET", $"{Models}/{{id:int}}/versions", BodyKind.None, i => $"{Models}/{i.TrainedModel}/versions"),
        new("POST", $"{Models}/{{id:int}}/versions/{{version:int}}/serve", BodyKind.None, i => $"{Models}/{i.TrainedModel}/versions/1/serve"),
        new("GET", "/api/v3/mip/items", BodyKind.None, _ => "/api/v3/mip/items?page=1&per_page=20", ModelScoped: false),
        new("GET", "/api/v3/mip/items/{id:int}/audio", BodyKind.None, _ => "/api/v3/mip/items/1/audio", ModelScoped: false),
        new("DELETE", "/api/v3/mip/items/{id:int}", BodyKind.None, _ => "/api/v3/mip/items/1", ModelScoped: false),
        new("POST", "/api/v3/mip/items/{id:int}/add_to_model", BodyKind.Json, i => "/api/v3/mip/items/1/add_to_model",
            Json: """{"model_id":1,"type":"train","transcript":"the patient is stable"}""", ModelScoped: false),
        new("GET", "/api/v3/audit", BodyKind.None, _ => "/api/v3/audit", ModelScoped: false),
        new("GET", "/api/v3/webhooks", BodyKind.None, _ => "/api/v3/webhooks", ModelScoped: false),
        new("POST", "/api/v3/webhooks", BodyKind.Json, _ => "/api/v3/webhooks", Json: """{"url":"https://example.com/hook"}""", ModelScoped: false),
        new("DELETE", "/api/v3/webhooks/{id:int}", BodyKind.None, _ => "/api/v3/webhooks/1", ModelScoped: false),
        new("GET", "/api/v3/webhooks/deliveries", BodyKind.None, _ => "/api/v3/webhooks/deliveries", ModelScoped: false),
    ];

    public static RouteCase Get(string key) => Cases.Single(c => c.Key == key);

    public static TheoryData<string> Keys(Func<RouteCase, bool>? where = null)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Where(where ?? (_ => true))) data.Add(c.Key);
        return data;
    }

    /// <summary>A request for a route: its path and text fields from the table, its files from <paramref name="upload"/>.</summary>
    public static HttpRequestMessage Request(RouteCase route, RouteIds ids, Upload upload)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(ids));
        request.Content = route.Body switch
        {
            BodyKind.Json => new StringContent(route.Json!, Encoding.UTF8, "application/json"),
            BodyKind.Multipart => Multipart(route, ids, upload),
            BodyKind.RawAudio => new ByteArrayContent(upload.Audio) { Headers = { ContentType = new MediaTypeHeaderValue(upload.AudioType) } },
            _ => null,
        };
        return request;
    }

    private static MultipartFormDataContent Multipart(RouteCase route, RouteIds ids, Upload upload)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, value) in route.Form ?? new Dictionary<string, string>()) form.Add(new StringContent(value), field);
        if (route.ModelField is { } model) form.Add(new StringContent(model(ids)), "model");
        form.Add(new ByteArrayContent(upload.Audio) { Headers = { ContentType = new MediaTypeHeaderValue(upload.AudioType) } }, "audio_file", upload.AudioName);
        if (route.TakesTranscript) form.Add(new ByteArrayContent(upload.Transcript), "transcript_file", upload.TranscriptName);
        return form;
    }
}

/// <summary>The files of an upload, as bytes with the names and type a client declares.</summary>
public sealed record Upload(byte[] Audio, string AudioName, byte[] Transcript, string TranscriptName, string AudioType = "audio/wav")
{
    public static async Task<Upload> ValidAsync() => new(
        await File.ReadAllBytesAsync(await Infrastructure.AudioFiles.ToneAsync("wav", seconds: 1)), "tone.wav",
        Encoding.UTF8.GetBytes("the patient has atrial fibrillation"), "tone.txt");
}
