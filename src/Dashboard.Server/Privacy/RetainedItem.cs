namespace Dashboard.Server.Privacy;

/// <summary>
/// A request kept in the organization's retained pool. The audio and the transcript are blobs (encrypted with the rest
/// of storage); the row holds only ids, sizes, the duration, the source and the model, never the transcript text.
/// </summary>
public sealed class RetainedItem
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Kind { get; set; }
    public string? Model { get; set; }
    public string? AudioBlob { get; set; }
    public string? AudioFormat { get; set; }
    public long AudioBytes { get; set; }
    public double AudioSeconds { get; set; }
    public required string TranscriptBlob { get; set; }
    public long TranscriptBytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
