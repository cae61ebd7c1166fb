namespace Dashboard.Server.Data;

/// <summary>One accepted pair: an audio file and its transcript, both in blob storage.</summary>
public sealed class DataFile
{
    public int Id { get; set; }
    public int ModelId { get; set; }
    public required string Type { get; set; }
    public required string AudioFileName { get; set; }
    public required string AudioBlob { get; set; }
    public required string TranscriptFileName { get; set; }
    public required string TranscriptBlob { get; set; }
    public required string Format { get; set; }
    public double DurationSeconds { get; set; }
    public int SampleRate { get; set; }
    public int Channels { get; set; }
    public long BitRate { get; set; }
    public long AudioBytes { get; set; }
    public int TranscriptWords { get; set; }
    /// <summary>Quality warnings, one per line.</summary>
    public string Warnings { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
