using Dashboard.Server.Data;
using Dashboard.Shared.Training;

namespace Dashboard.Server.Training;

public sealed record TrainingInput(int ModelId, int Version, string BaseModel, string Language,
    IReadOnlyList<DataFile> TrainFiles, IReadOnlyList<DataFile> TestFiles)
{
    /// <summary>Text-only domain data: for the language model and vocabulary; no audio hours.</summary>
    public IReadOnlyList<DataFile> TextFiles { get; init; } = [];

    public double TrainingHours => DataFile.HoursOf(TrainFiles);
}

public sealed record TrainingOutcome(double WordErrorRate, double BaseWordErrorRate, double CharacterErrorRate, string? ArtifactBlob)
{
    /// <summary>Relative WER reduction over the base model, in percent.</summary>
    public double AccuracyImprovement => BaseWordErrorRate <= 0 ? 0 : Math.Round((BaseWordErrorRate - WordErrorRate) / BaseWordErrorRate * 100, 2);
}

/// <summary>What an engine reports while it works: stage, percent done, and log lines.</summary>
public interface ITrainingProgress
{
    Task StageAsync(string stage, int percent, CancellationToken ct);
    Task ProgressAsync(int percent, CancellationToken ct);
    Task LogAsync(string level, string message, CancellationToken ct);
}

/// <summary>A training engine: `simulated` or `sphinx`. It throws <see cref="TrainingFailedException"/> for a reason the user should see.</summary>
public interface ITrainingEngine
{
    string Name { get; }
    Task<TrainingOutcome> TrainAsync(TrainingInput input, ITrainingProgress progress, CancellationToken ct);
}

public sealed class TrainingFailedException(string reason) : Exception(reason);

public static class TrainingStages
{
    public const string Validate = "validate data";
    public const string Prepare = "prepare features";
    public const string Train = "train";
    public const string Evaluate = "evaluate";
    public static readonly IReadOnlyList<string> All = [Validate, Prepare, Train, Evaluate];

    /// <summary>The steps the dashboard's timeline shows for a run of <paramref name="engine"/>: the stages it reports, in order.</summary>
    public static IReadOnlyList<string> Of(string engine) => engine == TrainingEngines.Sphinx ? Sphinx.SphinxStages.All : All;
}
