using Microsoft.AspNetCore.Components;

namespace Dashboard.Client.Components;

/// <summary>
/// A component that shows times: rendered in the zone the circuit assumes (the browser's cookie), then, once the browser
/// has been asked, rendered again only if its answer differs from the zone the component was shown in.
/// </summary>
public abstract class BrowserClockComponent : ComponentBase
{
    [Inject] protected BrowserTimeProvider Clock { get; set; } = default!;

    private TimeZoneInfo? shownIn;
    private bool shownPending;

    /// <summary>Call while rendering: notes the zone the times are shown in.</summary>
    protected BrowserTimeProvider ClockForRender()
    {
        shownIn = Clock.LocalTimeZone;
        shownPending = !Clock.KnowsZone;
        return Clock;
    }

    /// <summary>
    /// "zone-pending" (hidden, keeping its place) while the browser's zone is not known, e.g. a page prerendered for a
    /// browser without the cookie: the time shows once the circuit has asked, never first in a zone that is not the user's.
    /// </summary>
    protected string? PendingClass => Clock.KnowsZone ? null : "zone-pending";

    /// <summary>The circuit's zone, or whether it is known, is no longer as when the component was last shown.</summary>
    protected bool ZoneChanged => !Equals(shownIn, Clock.LocalTimeZone) || shownPending == Clock.KnowsZone;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Clock.LearnBrowserZoneAsync();
        if (ZoneChanged) StateHasChanged();
    }
}
