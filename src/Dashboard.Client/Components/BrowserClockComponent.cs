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

    /// <summary>Call while rendering: notes the zone the times are shown in.</summary>
    protected BrowserTimeProvider ClockForRender()
    {
        shownIn = Clock.LocalTimeZone;
        return Clock;
    }

    /// <summary>The circuit's zone is no longer the one the component was last shown in.</summary>
    protected bool ZoneChanged => !Equals(shownIn, Clock.LocalTimeZone);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Clock.LearnBrowserZoneAsync();
        if (ZoneChanged) StateHasChanged();
    }
}
