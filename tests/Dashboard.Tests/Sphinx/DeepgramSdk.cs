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
}
