using Dashboard.Shared.Models;

namespace Dashboard.Server.Training;

/// <summary>A custom model; its training transitions are in CustomModel.Training.cs.</summary>
public sealed partial class CustomModel
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Language { get; set; }
    public required string BaseModel { get; set; }
    public string? Description { get; set; }
    // The training state is written only by the transitions in CustomModel.Training.cs (progress also by the
    // running job's TrainingProgressWriter, in SQL); EF Core sets these through their private setters.
    public TrainingStatus TrainingStatus { get; private set; } = TrainingStatus.NotRunning;
    public int TrainingProgress { get; private set; }
    public string? TrainingStage { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>The run in progress or the last one; its metrics are the model's current metrics if it succeeded.</summary>
    public int? CurrentRunId { get; private set; }
    /// <summary>
    /// The version that serves: the latest successful run that is better than the base model, unless an admin chose
    /// another; null while none does (the base model answers once a version exists, see <see cref="ModelVersions"/>).
    /// </summary>
    public int? ActiveRunId { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Data.DataFile> Files { get; set; } = [];

    /// <summary>How transcription requests name the model.</summary>
    public static string NameOf(int id) => $"custom_model_{id}";
}
