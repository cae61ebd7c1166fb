using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Streaming;

/// <summary>One message as the SDK handed it over, with its arrival time in ms after the first audio was sent.</summary>
public sealed record LiveMessage(long At, JsonNode Body)
{
    public string Type => (string)Body["type"]!;
    public bool IsFinal => Type == "Results" && (bool)Body["is_final"]!;
    public bool SpeechFinal => Type == "Results" && (bool)Body["speech_final"]!;
    public string Transcript => (string)Body["channel"]!["alternatives"]![0]!["transcript"]!;
    public JsonArray Words => Body["channel"]!["alternatives"]![0]!["words"]!.AsArray();
    public double Start => (double)Body["start"]!;
    public double End => Start + (double)Body["duration"]!;
}

/// <summary>What the official SDK's live client saw of one stream.</summary>
public sealed record LiveRun(bool Opened, IReadOnlyList<LiveMessage> Messages, int? CloseCode, string? CloseReason, string? Error)
{
    public IEnumerable<LiveMessage> Of(string type) => Messages.Where(m => m.Type == type);

    public IReadOnlyList<LiveMessage> Finals => Messages.Where(m => m.IsFinal).ToList();

    /// <summary>The stream's final transcript: its final results' words in order.</summary>
    public string FinalText => string.Join(' ', Finals.SelectMany(f => f.Words).Select(w => (string)w!["word"]!));
}

/// <summary>The official Deepgram SDK's live client (listen.v1.connect), run by node against a server (tests/js/deepgram-live.cjs).</summary>
public static class DeepgramLive
{
    /// <param name="audio">WAV files played one after another, each followed by <paramref name="gapMs"/> of silence.</param>
    /// <param name="end">close (CloseStream), finalize, idle or keepalive (see the script).</param>
    public static async Task<LiveRun> StreamAsync(Uri server, string apiKey, object options, IEnumerable<string> audio,
        string end = "close", double pace = 1, int gapMs = 1500, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DG_BASE_URL"] = $"ws://{server.Authority}", ["DG_API_KEY"] = apiKey, ["DG_OPTIONS"] = JsonSerializer.Serialize(options),
            ["DG_AUDIO"] = string.Join('|', audio), ["DG_END"] = end, ["DG_PACE"] = pace.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DG_GAP_MS"] = gapMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>()) environment[key] = value;
        var (exit, output, error) = await NodeScript.RunAsync("deepgram-live.cjs", environment);
        if (exit != 0) throw new InvalidOperationException($"node failed ({exit}): {error}");
        var json = JsonNode.Parse(output)!;
        var close = json["close"];
        return new LiveRun((bool)json["opened"]!,
            json["messages"]!.AsArray().Select(m => new LiveMessage((long)m!["t"]!, m["m"]!.DeepClone())).ToList(),
            close is null ? null : (int)close["code"]!, close is null ? null : (string?)close["reason"], (string?)json["error"]);
    }
}
