using System.Text.Json.Serialization;
using Dashboard.Shared.Models;

namespace Dashboard.Shared.Live;

/// <summary>Names and shapes of what /hubs/training sends; the in-process event stream uses the same records.</summary>
public static class HubMethods
{
    public const string StatusChanged = "statusChanged";
    public const string LogLine = "logLine";
    public const string Subscribe = "Subscribe";
    public const string Unsubscribe = "Unsubscribe";
}

// Property names are fixed here (not by a global naming policy) because the hub shares SignalR with Blazor's circuits.
public abstract record TrainingEvent([property: JsonPropertyName("model_id")] int ModelId);

public sealed record StatusChangedEvent(
    int ModelId,
    [property: JsonPropertyName("training_status")] TrainingStatus TrainingStatus,
    [property: JsonPropertyName("training_progress")] int TrainingProgress,
    [property: JsonPropertyName("stage")] string? Stage) : TrainingEvent(ModelId);

public sealed record LogLineEvent(
    int ModelId,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] string Message) : TrainingEvent(ModelId);
