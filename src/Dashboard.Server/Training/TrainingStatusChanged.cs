using Dashboard.Shared.Models;

namespace Dashboard.Server.Training;

/// <summary>
/// A training transition, as the aggregate raises it. <see cref="TrainingEventDispatcher"/> saves its log line
/// in the transition's commit and, once committed, publishes it (the live page, other nodes' status caches and the
/// webhooks follow the bus).
/// </summary>
public sealed record TrainingStatusChanged(int ModelId, int RunId, TrainingStatus Status, int Progress, string? Stage, string LogLevel, string LogMessage)
{
    /// <summary>False for a note: only its log line is saved and published.</summary>
    public bool ChangesStatus { get; init; } = true;
}
