using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

/// <summary>
/// Counts failed API keys and failed sign-ins per client address in a fixed window. Once a client reaches
/// RateLimits:FailedSignInsPerClient, its further attempts are refused (429) until the window ends, so guessing
/// keys or passwords is slowed down while other clients are unaffected. Wrong passwords are also counted per account
/// and client address: RateLimits:FailedSignInsPerAccount of them lock that account for that address only, so nobody
/// can lock a person out of their account from elsewhere.
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

    public void RecordFailure(HttpContext context) => Count(ClientOf(context));

    /// <summary>A wrong password (or unknown email) for <paramref name="account"/>: counts for the client and for the account from that client.</summary>
    public void RecordFailedSignIn(HttpContext context, string account)
    {
        Count(ClientOf(context));
        Count(AccountFromClient(context, account));
    }

    /// <summary>The right password: earlier mistakes for the account from this client are forgotten.</summary>
    public void RecordSignIn(HttpContext context, string account) => windows.TryRemove(AccountFromClient(context, account), out _);

    /// <summary>How long the client must wait before it may try credentials again; null when it may now.</summary>
    public TimeSpan? RetryAfter(HttpContext context) => WaitFor(ClientOf(context), options.CurrentValue.FailedSignInsPerClient);

    /// <summary>How long <paramref name="account"/> stays locked for this client; null when the client may try it.</summary>
    public TimeSpan? AccountLockedFor(HttpContext context, string account) =>
        WaitFor(AccountFromClient(context, account), options.CurrentValue.FailedSignInsPerAccount);

    private static string AccountFromClient(HttpContext context, string account) => $"{account.Trim().ToUpperInvariant()}|{ClientOf(context)}";

    private void Count(string key)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > PruneAbove) Prune(now);
        var window = windows.GetOrAdd(key, _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= Length) (window.Start, window.Failures) = (now, 0);
            window.Failures++;
        }
    }

    private TimeSpan? WaitFor(string key, int allowed)
    {
        if (!windows.TryGetValue(key, out var window)) return null;
        var now = clock.GetUtcNow();
        lock (window)
        {
            var end = window.Start + Length;
            return window.Failures >= allowed && end > now ? end - now : null;
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
