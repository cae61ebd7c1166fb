using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Data;

/// <summary>Limits for the audio tools run on uploaded files (ffprobe on every upload) and for the audio they decode.</summary>
public sealed class ToolOptions
{
    public const string Section = "Tools";

    /// <summary>An upload whose audio ffprobe cannot read within this time is rejected as unreadable.</summary>
    [Range(0.001, 3600)] public double ProbeTimeoutSeconds { get; set; } = 30;

    /// <summary>Address-space cap of each tool process.</summary>
    [Range(64, 1_000_000)] public long MemoryLimitMegabytes { get; set; } = 2048;

    public long MemoryLimitBytes => MemoryLimitMegabytes * 1024 * 1024;

    /// <summary>
    /// The longest audio one transcription request may hold. A few kilobytes of FLAC can hold hours of silence, and the
    /// decoder reads a request's audio into memory (about 115 MB per hour), so longer requests are refused up front.
    /// </summary>
    [Range(0.001, 1000)] public double MaxTranscriptionHours { get; set; } = 4;
}
