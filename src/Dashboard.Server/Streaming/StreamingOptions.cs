using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Streaming;

/// <summary>The `Streaming` configuration section.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>A stream that sends neither audio nor KeepAlive for this long is closed (Deepgram: 10 s, NET-0001).</summary>
    [Range(1, 3600)] public int IdleTimeoutSeconds { get; set; } = 10;
}
