using Microsoft.JSInterop;

namespace Dashboard.Client;

/// <summary>
/// The clock as the user's browser reads it, one per circuit (aspire's BrowserTimeProvider): the browser is asked for its
/// time zone once, and every component of the circuit then shows times in it. While prerendering there is no browser to
/// ask, and times read in the server's zone until the circuit knows better.
/// </summary>
public sealed class BrowserTimeProvider(IJSRuntime js) : TimeProvider
{
    private TimeZoneInfo? browserZone;
    private Task? asking;

    public override TimeZoneInfo LocalTimeZone => browserZone ?? base.LocalTimeZone;

    /// <summary>Asks the browser the first time it is called in a circuit (from OnAfterRenderAsync: it needs the browser).</summary>
    /// <remarks>A zone the server does not know by name is taken at the offset the browser has now (no daylight saving rules).</remarks>
    public Task LearnBrowserZoneAsync() => asking ??= AskAsync();

    /// <summary>A moment on the browser's clock (the server's while the zone is not known).</summary>
    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, LocalTimeZone);

    private async Task AskAsync()
    {
        var browser = await js.InvokeAsync<BrowserZone>("dashboard.timeZone");
        browserZone = TimeZoneInfo.TryFindSystemTimeZoneById(browser.Id, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone(browser.Id, TimeSpan.FromMinutes(browser.OffsetMinutes), browser.Id, browser.Id);
    }

    private sealed record BrowserZone(string Id, int OffsetMinutes);
}
