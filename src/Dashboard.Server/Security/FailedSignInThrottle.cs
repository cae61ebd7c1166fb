using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

/// <summary>
/// Counts failed API keys and failed sign-ins per client address in a fixed window. Once a client reaches
/// RateLimits:FailedSignInsPerClient, its further attempts are refused (429) until the window ends, so guessing
/// keys or passwords is slowed down while other clients are unaffected.
/// </summary>
public sealed class FailedSignInThrottle(IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> windows = new();

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;
        public int Failures { get; set; }
    }

    private TimeSpan Length => TimeSpan.FromSeconds(options.CurrentValue.FailedSignInWindowSeconds);

    /// <summary>The client as the server sees it: the connection's remote address (behind a proxy, configure forwarded headers).</summary>
    public static string ClientOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";

    public void RecordFailure(HttpContext context)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > PruneAbove) Prune(now);
        var window = windows.GetOrAdd(ClientOf(context), _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= Length) (window.Start, window.Failures) = (now, 0);
            window.Failures++;
        }
    }

    /// <summary>How long the client must wait before it may try credentials again; null when it may now.</summary>
    public TimeSpan? RetryAfter(HttpContext context)
    {
        if (!windows.TryGetValue(ClientOf(context), out var window)) return null;
        var now = clock.GetUtcNow();
        lock (window)
        {
            var end = window.Start + Length;
            return window.Failures >= options.CurrentValue.FailedSignInsPerClient && end > now ? end - now : null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, window) in windows)
        {
            if (now - window.Start >= Length) windows.TryRemove(client, out _);
        }
    }
}
