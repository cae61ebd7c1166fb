namespace Dashboard.Server.Training;

/// <summary>One data pair a successful run trained or was tested on: the version's data snapshot, kept when the pair is removed later.</summary>
public sealed class TrainingRunFile
{
    public int RunId { get; set; }
    public int DataFileId { get; set; }
    public required string Type { get; set; }
    public required string AudioFileName { get; set; }
    public double DurationSeconds { get; set; }
}
