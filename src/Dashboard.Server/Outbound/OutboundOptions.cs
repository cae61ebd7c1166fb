using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Outbound;

/// <summary>
/// The `Transcription` section's rules for requests the server makes itself (URL sources, callbacks, webhooks):
/// public hosts are allowed; loopback, private and link-local addresses only for hosts listed here.
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Transcription";

    /// <summary>Host names or IP literals (as written in URLs) that may resolve to loopback/private addresses.</summary>
    public string[] AllowedPrivateHosts { get; set; } = [];

    /// <summary>How long fetching the audio of a `{"url"}` request may take.</summary>
    [Range(1, 3600)] public int UrlFetchTimeoutSeconds { get; set; } = 120;
}

/// <summary>`Delivery`: retries of callbacks and webhooks (attempt n waits RetryBaseSeconds × 2^(n-1), at most MaxRetrySeconds).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    [Range(1, 50)] public int MaxAttempts { get; set; } = 8;
    [Range(0.01, 3600)] public double RetryBaseSeconds { get; set; } = 10;
    [Range(1, 86400)] public double MaxRetrySeconds { get; set; } = 3600;
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 15;

    public TimeSpan DelayBefore(int nextAttempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, nextAttempt - 2))));
}
