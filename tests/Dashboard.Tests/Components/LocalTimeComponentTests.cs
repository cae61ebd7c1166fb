using Dashboard.Client;
using Dashboard.Client.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Dashboard.Tests.Components;

/// <summary>
/// Every time on the dashboard as the server prerenders it: in the zone the browser's cookie names, or, without one, in UTC
/// and saying so; never in the server's own zone unannounced.
/// </summary>
[Trait("Category", "unit")]
public sealed class LocalTimeComponentTests
{
    private static readonly DateTimeOffset Moment = new(2026, 12, 7, 18, 30, 5, TimeSpan.Zero);

    [Fact]
    public async Task WithTheBrowsersZoneKnown_TheTimeReadsOnItsClock_AndTheTitleNamesTheZone()
    {
        var html = await RenderAsync(new() { ["At"] = Moment }, zone: "Asia/Kathmandu");

        Assert.Contains(">Dec 8, 2026 00:15</time>", html);
        Assert.Contains("title=\"Dec 8, 2026 00:15:05 Asia/Kathmandu (UTC&#x2B;05:45)\"", html);
        Assert.Contains("datetime=\"2026-12-07T18:30:05.0000000&#x2B;00:00\"", html);
    }

    [Fact]
    public async Task WithNoZoneKnown_TheTimeIsInUtc_AndSaysSo_ButHiddenUntilTheBrowserIsAsked()
    {
        var html = await RenderAsync(new() { ["At"] = Moment, ["Pattern"] = TimePatterns.Clock });
        var known = await RenderAsync(new() { ["At"] = Moment, ["Pattern"] = TimePatterns.Clock }, zone: "UTC");

        Assert.Contains(">18:30:05</time>", html);
        Assert.Contains("title=\"Dec 7, 2026 18:30:05 UTC\"", html);
        Assert.Contains("class=\"zone-pending\"", html);
        Assert.DoesNotContain("zone-pending", known);
    }

    [Fact]
    public async Task ARelativeTime_ReadsInWords_AndAsADateInTheBrowsersZoneBeyondAWeek()
    {
        var recent = await RenderAsync(new() { ["At"] = Moment, ["RelativeTo"] = Moment.AddMinutes(5) }, zone: "Asia/Kathmandu");
        var old = await RenderAsync(new() { ["At"] = Moment, ["RelativeTo"] = Moment.AddDays(10) }, zone: "Asia/Kathmandu");

        Assert.Contains(">5 min ago</time>", recent);
        Assert.Contains(">Dec 8, 2026</time>", old); // still Dec 7 in UTC
    }

    [Fact]
    public async Task TheZoneLabel_NamesTheBrowsersZone_OrItsOffsetInAHeader()
    {
        var html = await ComponentRendering.RenderAsync<ZoneLabel>(new() { ["Prefix"] = "times in ", ["Full"] = true }, services => Assume(services, "Asia/Kathmandu"));
        var header = await ComponentRendering.RenderAsync<ZoneLabel>(new() { ["Prefix"] = "· " }, services => Assume(services, "Asia/Kathmandu"));

        Assert.Contains("times in Asia/Kathmandu (UTC&#x2B;05:45)", html);
        Assert.EndsWith("UTC&#x2B;05:45</span>", header.Trim());
    }

    [Fact]
    public async Task AZoneTheServerDoesNotKnow_LeavesTimesInUtc()
    {
        var html = await RenderAsync(new() { ["At"] = Moment }, zone: "Mars/Olympus_Mons");

        Assert.Contains(">Dec 7, 2026 18:30</time>", html);
    }

    private static Task<string> RenderAsync(Dictionary<string, object?> parameters, string? zone = null) =>
        ComponentRendering.RenderAsync<LocalTime>(parameters, services => Assume(services, zone));

    /// <summary>As Routes does with the cookie's zone while prerendering.</summary>
    private static void Assume(IServiceCollection services, string? zone) => services.AddScoped(provider =>
    {
        var clock = new BrowserTimeProvider(provider.GetRequiredService<IJSRuntime>());
        clock.Assume(zone);
        return clock;
    });
}
