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
        var message = this;
        while (Encoding.UTF8.GetByteCount(payload) >= MaxPayloadBytes && message.Log is { } log)
        {
            var keep = Math.Max(0, Math.Min(log.Message.Length, log.Message.Length - (Encoding.UTF8.GetByteCount(payload) - MaxPayloadBytes)) - Cut.Length - 16);
            message = message with { Log = log with { Message = log.Message[..keep] + Cut } };
            payload = JsonSerializer.Serialize(message);
        }
        return payload;
    }

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
