namespace Dashboard.Server.Data;

/// <summary>
/// One accepted pair: an audio file and its transcript, both in blob storage; or (type "text") a text file of domain
/// sentences, which has no audio (<see cref="AudioBlob"/> is empty) and counts no audio hours.
/// </summary>
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
    public long TranscriptBytes { get; set; }
    public int Sentences { get; set; }
    public bool HasAudio => AudioBlob.Length > 0;
    /// <summary>Quality warnings, one per line.</summary>
    public string Warnings { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The audio hours of these files (a text file counts none).</summary>
    public static double HoursOf(IEnumerable<DataFile> files) => files.Sum(f => f.DurationSeconds) / 3600.0;
}
