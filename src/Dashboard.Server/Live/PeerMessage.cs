using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Shared.Live;

namespace Dashboard.Server.Live;

/// <summary>
/// What one node tells the others over PostgreSQL NOTIFY: a training event, that a model changed (drop cached copies),
/// or that a cache entry must go (<see cref="CacheEvictions"/>).
/// The origin lets a node ignore its own messages, which PostgreSQL also delivers to the sender.
/// </summary>
public sealed record PeerMessage(
    [property: JsonPropertyName("o")] Guid Origin,
    [property: JsonPropertyName("s")] StatusChangedEvent? Status = null,
    [property: JsonPropertyName("l")] LogLineEvent? Log = null,
    [property: JsonPropertyName("m")] int? ChangedModelId = null,
    [property: JsonPropertyName("k")] string? EvictedCacheKey = null)
{
    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a longer log line is cut (it is complete in the log table).</summary>
    public const int MaxPayloadBytes = 7900;

    private const string Cut = " [cut; see the full log]";

    public static PeerMessage Of(Guid origin, TrainingEvent trainingEvent) => trainingEvent switch
    {
        StatusChangedEvent status => new(origin, Status: status),
        LogLineEvent log => new(origin, Log: log),
        _ => throw new ArgumentOutOfRangeException(nameof(trainingEvent), trainingEvent.GetType().Name, "Not a relayed event."),
    };

    public TrainingEvent? Event => (TrainingEvent?)Status ?? Log;

    public string ToPayload()
    {
        var payload = JsonSerializer.Serialize(this);
        if (Fits(payload) || Log is not { } log) return payload;
        // The longest start of the message that fits once serialized (JSON may escape a character into six bytes).
        var (shortest, longest) = (0, log.Message.Length);
        while (shortest < longest)
        {
            var middle = (shortest + longest + 1) / 2;
            if (Fits(JsonSerializer.Serialize(CutTo(log, middle)))) shortest = middle;
            else longest = middle - 1;
        }
        return JsonSerializer.Serialize(CutTo(log, shortest));
    }

    private PeerMessage CutTo(LogLineEvent log, int length) => this with { Log = log with { Message = log.Message[..length] + Cut } };

    private static bool Fits(string payload) => Encoding.UTF8.GetByteCount(payload) < MaxPayloadBytes;

    public static PeerMessage? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<PeerMessage>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
