namespace Dashboard.Server.Training;

public sealed class TrainingLogEntry
{
    public long Id { get; set; }
    public int ModelId { get; set; }
    public int? RunId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string Level { get; set; }
    public required string Message { get; set; }
}
