using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Data;

/// <summary>Limits for the audio tools run on uploaded files (ffprobe on every upload).</summary>
public sealed class ToolOptions
{
    public const string Section = "Tools";

    /// <summary>An upload whose audio ffprobe cannot read within this time is rejected as unreadable.</summary>
    [Range(0.001, 3600)] public double ProbeTimeoutSeconds { get; set; } = 30;

    /// <summary>Address-space cap of each tool process.</summary>
    [Range(64, 1_000_000)] public long MemoryLimitMegabytes { get; set; } = 2048;

    public long MemoryLimitBytes => MemoryLimitMegabytes * 1024 * 1024;
}
