using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Sphinx;

/// <summary>The official Deepgram JavaScript SDK (@deepgram/sdk from npm, pinned in tests/js), run by node against our server.</summary>
public static class DeepgramSdk
{
    /// <summary>Transcribes a file with the SDK's pre-recorded API; returns the SDK's parsed response as JSON text.</summary>
    public static async Task<string> TranscribeFileAsync(Uri baseUrl, string apiKey, string model, string audioPath)
    {
        var (exit, output, error) = await NodeScript.RunAsync("deepgram-transcribe.cjs", new Dictionary<string, string>
        {
            ["DG_BASE_URL"] = baseUrl.ToString().TrimEnd('/'), ["DG_API_KEY"] = apiKey, ["DG_MODEL"] = model, ["DG_AUDIO"] = audioPath,
        });
        return exit == 0 ? output : throw new InvalidOperationException($"node failed ({exit}): {error}");
    }

    /// <summary>
    /// transcribeUrl (when <paramref name="url"/> is given) or transcribeFile with SDK options; returns what the SDK gave the
    /// caller: the parsed response, or {"error": {"status", "message", "body"}} when the SDK threw.
    /// </summary>
    public static async Task<JsonNode> ListenAsync(Uri baseUrl, string apiKey, object options, Uri? url = null, string? audioPath = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DG_BASE_URL"] = baseUrl.ToString().TrimEnd('/'), ["DG_API_KEY"] = apiKey, ["DG_OPTIONS"] = JsonSerializer.Serialize(options),
        };
        if (url is not null) environment["DG_URL"] = url.ToString();
        if (audioPath is not null) environment["DG_AUDIO"] = audioPath;
        var (exit, output, error) = await NodeScript.RunAsync("deepgram-options.cjs", environment);
        return exit == 0 ? JsonNode.Parse(output)! : throw new InvalidOperationException($"node failed ({exit}): {error}");
    }
}
