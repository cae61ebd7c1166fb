namespace Dashboard.Shared.Models;

/// <summary>The seed's lifecycle codes; serialized as numbers.</summary>
public enum TrainingStatus
{
    NotRunning = 1,
    ReadyToRun = 2,
    Running = 3,
    Success = 4,
    Failed = 5,
}
