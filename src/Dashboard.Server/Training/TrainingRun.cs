using Dashboard.Shared.Models;

namespace Dashboard.Server.Training;

/// <summary>One training attempt; a successful run is a model version with its own metrics.</summary>
public sealed class TrainingRun
{
    public int Id { get; set; }
    public int ModelId { get; set; }
    public int Version { get; set; }
    public required string Engine { get; set; }
    /// <summary>Settled by the model's transitions (CustomModel.Training.cs) only.</summary>
    public TrainingStatus Status { get; internal set; }
    public double TrainingHours { get; set; }
    public double? WordErrorRate { get; set; }
    public double? BaseWordErrorRate { get; set; }
    public double? CharacterErrorRate { get; set; }
    public double? AccuracyImprovement { get; set; }
    public string? FailureReason { get; set; }
    public string? ArtifactBlob { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>No fewer word errors than the base model on the test set: such a version does not start serving by itself.</summary>
    public bool IsWorseThanBase => WordErrorRate is { } wer && BaseWordErrorRate is { } baseWer && wer >= baseWer;

    /// <summary>The test-set comparison with the base model, as messages quote it.</summary>
    public string WerAgainstBase => $"WER {WordErrorRate:0.##}% against {BaseWordErrorRate:0.##}%";
}
