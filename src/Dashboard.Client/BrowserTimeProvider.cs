using System.Globalization;
using Microsoft.JSInterop;

namespace Dashboard.Client;

/// <summary>
/// The clock as the user's browser reads it, one per circuit (aspire's BrowserTimeProvider), and the one place the
/// dashboard turns a moment into text: every time on a page goes through <see cref="Text"/> (the LocalTime component).
/// The browser writes its zone into a cookie on every page (dashboard.js), so a prerendered page is already in it; the
/// circuit still asks the browser once, which settles a missing or stale cookie. Without either, times read in UTC and
/// say so, never in the server's zone unannounced.
/// </summary>
public sealed class BrowserTimeProvider(IJSRuntime js) : TimeProvider
{
    /// <summary>The cookie dashboard.js keeps the browser's IANA zone in (read by App.razor for the prerender).</summary>
    public const string ZoneCookie = "browser_time_zone";

    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");
    private TimeZoneInfo? browserZone;
    private Task? asking;

    public override TimeZoneInfo LocalTimeZone => browserZone ?? TimeZoneInfo.Utc;

    /// <summary>The browser's zone is known (from its cookie or its answer); until then times are in UTC.</summary>
    public bool KnowsZone => browserZone is not null;

    /// <summary>Takes the zone the browser named on an earlier page, until the browser itself is asked.</summary>
    public void Assume(string? zoneId)
    {
        if (browserZone is null && !string.IsNullOrEmpty(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            browserZone = zone;
    }

    /// <summary>Asks the browser the first time it is called in a circuit (from OnAfterRenderAsync: it needs the browser).</summary>
    /// <remarks>A zone the server does not know by name is taken at the offset the browser has now (no daylight saving rules).</remarks>
    public Task LearnBrowserZoneAsync() => asking ??= AskAsync();

    /// <summary>A moment on the browser's clock (UTC while the zone is not known).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, LocalTimeZone);

    /// <summary>A moment as text on the browser's clock, in a <see cref="TimePatterns"/> pattern.</summary>
    public string Text(DateTimeOffset at, string pattern) => ToLocal(at).ToString(pattern, Us);

    /// <summary>The zone in words for a moment: "Asia/Kathmandu (UTC+05:45)"; "UTC".</summary>
    public string ZoneName(DateTimeOffset at)
    {
        var offset = Offset(at);
        return LocalTimeZone.Id is "UTC" or "Etc/UTC" ? offset : $"{LocalTimeZone.Id} ({offset})";
    }

    /// <summary>The zone's offset from UTC at a moment: "UTC+05:45", "UTC-05:00", "UTC".</summary>
    public string Offset(DateTimeOffset at)
    {
        var offset = ToLocal(at).Offset;
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    private async Task AskAsync()
    {
        var browser = await js.InvokeAsync<BrowserZone>("dashboard.timeZone");
        browserZone = TimeZoneInfo.TryFindSystemTimeZoneById(browser.Id, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone(browser.Id, TimeSpan.FromMinutes(browser.OffsetMinutes), browser.Id, browser.Id);
    }

    private sealed record BrowserZone(string Id, int OffsetMinutes);
}
