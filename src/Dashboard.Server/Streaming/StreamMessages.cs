using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Streaming;

/// <summary>The server's messages on a /v1/listen WebSocket, in Deepgram's live shape (type, snake_case fields).</summary>
public static class StreamMessages
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The channel index Deepgram sends: [this channel, of how many].</summary>
    public static readonly int[] MonoChannel = [0, 1];
}

public sealed record StreamResultMetadata(string RequestId, DeepgramModelInfo ModelInfo, string ModelUuid);

/// <summary>
/// A transcript of the window [<see cref="Start"/>, Start + <see cref="Duration"/>) of the stream. Interim results
/// (is_final false) may change; a final one does not, and the next window starts where it ends.
/// </summary>
public sealed record StreamResults(
    int[] ChannelIndex, double Duration, double Start, bool IsFinal, bool SpeechFinal, bool FromFinalize,
    DeepgramChannel Channel, StreamResultMetadata Metadata)
{
    [JsonPropertyOrder(-1)] public string Type => "Results";
}

public sealed record SpeechStartedMessage(int[] Channel, double Timestamp)
{
    [JsonPropertyOrder(-1)] public string Type => "SpeechStarted";
}

public sealed record UtteranceEndMessage(int[] Channel, double LastWordEnd)
{
    [JsonPropertyOrder(-1)] public string Type => "UtteranceEnd";
}

/// <summary>The summary sent when the stream ends (after CloseStream): its id, the audio received and the model.</summary>
public sealed record StreamMetadataMessage(
    string TransactionKey, string RequestId, string Sha256, DateTimeOffset Created, double Duration, int Channels,
    IReadOnlyList<string> Models, IReadOnlyDictionary<string, DeepgramModelInfo> ModelInfo)
{
    [JsonPropertyOrder(-1)] public string Type => "Metadata";
}
