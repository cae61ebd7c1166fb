using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Times on the pages and in the log read on the user's clock (the browser's zone, not the server's) from the first byte:
/// the server prerenders them in the zone the browser named in its cookie, and the circuit never shows another.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class BrowserTimeZoneTests(BrowserFixture fixture)
{
    // +05:45 all year: no server or CI machine runs on it, and no daylight saving time moves it.
    private const string Kathmandu = "Asia/Kathmandu";

    [Fact]
    public async Task LogTimes_ReadInTheBrowsersTimeZone()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member, timezoneId: Kathmandu);
        Assert.Equal(-345, await page.EvaluateAsync<int>("new Date().getTimezoneOffset()")); // ICU names it Asia/Katmandu
        var id = await BrowserFlows.TrainedModelAsync(page, "Night shift dictation", "Timed in the reader's zone",
            await BrowserFlows.SpeechPairsAsync("night", 1), await BrowserFlows.SpeechPairsAsync("dawn", 1));

        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var time = page.GetByTestId("log-line").Last.Locator("time");
        var at = await MomentOfAsync(time);

        await Expect(time).ToHaveTextAsync(InKathmandu(at, "HH:mm:ss"));
        Assert.NotEqual(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.Local).ToString("HH:mm:ss", CultureInfo.InvariantCulture), await time.InnerTextAsync());
        await Expect(page.GetByTestId("log-box").Locator("xpath=..")).ToContainTextAsync(new Regex(@"times in Asia/Kath?mandu \(UTC\+05:45\)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AModelsCreatedTime_ReadsInTheBrowsersZone_InThePrerenderAndAfter()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member, timezoneId: Kathmandu);
        var id = await BrowserFlows.CreateModelAsync(page, "Kathmandu clinic notes");
        await RecordTextsOfAsync(page, "model-created");

        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var created = page.GetByTestId("model-created");
        var expected = InKathmandu(await MomentOfAsync(created), "MMM d, yyyy HH:mm");

        await Expect(created).ToHaveTextAsync(expected);
        await page.WaitForTimeoutAsync(1000); // the circuit has asked the browser for its zone: nothing may change now
        Assert.Equal([expected], await page.EvaluateAsync<string[]>("window.timesShown"));
        Assert.Equal(expected, Prerendered(await HtmlAsync(page, $"/models/{id}"), "model-created"));

        await page.GotoAsync("/models");
        var updated = page.Locator($"[data-testid=model-row][data-model-id='{id}'] [data-testid=model-updated]");
        await Expect(updated).ToHaveAttributeAsync("title", new Regex(Regex.Escape(InKathmandu(await MomentOfAsync(updated), "MMM d, yyyy HH:mm:ss")) + @" \S+ \(UTC\+05:45\)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutTheZoneCookie_TimesStayHiddenUntilTheCircuitHasAskedTheBrowser()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Member, timezoneId: Kathmandu);
        var id = await BrowserFlows.CreateModelAsync(page, "Kathmandu night notes");
        await RecordTextsOfAsync(page, "model-created");
        await page.Context.ClearCookiesAsync(new() { Name = "browser_time_zone" }); // e.g. a session from before the cookie existed

        Assert.Contains("class=\"zone-pending\"", await HtmlAsync(page, $"/models/{id}"));
        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var created = page.GetByTestId("model-created");
        var expected = InKathmandu(await MomentOfAsync(created), "MMM d, yyyy HH:mm");

        await Expect(created).ToHaveTextAsync(expected);
        await Expect(created).ToBeVisibleAsync();
        Assert.Equal([expected], await page.EvaluateAsync<string[]>("window.timesShown"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnApiKeysCreatedTime_ReadsInTheBrowsersZone_InThePrerenderAndAfter()
    {
        await fixture.Server.CreateApiKeyAsync(BrowserFixture.Org, BrowserFixture.Plan);
        var page = await fixture.SignInAsync(BrowserFixture.Admin, timezoneId: Kathmandu);
        await RecordTextsOfAsync(page, "key-created");

        await page.GotoAsync("/keys");
        await BrowserFixture.WaitForCircuitAsync(page);
        var created = page.GetByTestId("key-created").First;
        var expected = InKathmandu(await MomentOfAsync(created), "MMM d, yyyy HH:mm");

        await Expect(created).ToHaveTextAsync(expected);
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal([expected], await page.EvaluateAsync<string[]>("window.timesShown"));
        Assert.Equal(expected, Prerendered(await HtmlAsync(page, "/keys"), "key-created"));
        await page.Context.CloseAsync();
    }

    /// <summary>From the first byte of every page on, notes each text the first element with the test id shows (not while hidden as pending).</summary>
    private static async Task RecordTextsOfAsync(IPage page, string testId) => await page.AddInitScriptAsync($$"""
        window.timesShown = [];
        const note = () => {
          const time = document.querySelector('[data-testid={{testId}}]');
          if (!time || time.classList.contains('zone-pending')) return;
          if (window.timesShown.at(-1) !== time.textContent) window.timesShown.push(time.textContent);
        };
        new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        """);

    private static async Task<DateTimeOffset> MomentOfAsync(ILocator time) =>
        DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);

    private static string InKathmandu(DateTimeOffset at, string pattern) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Kathmandu)).ToString(pattern, CultureInfo.GetCultureInfo("en-US"));

    /// <summary>The page as the server prerenders it for this browser (its cookies), before any script runs.</summary>
    private static async Task<string> HtmlAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"{path}: {response.Status}");
        return await response.TextAsync();
    }

    private static string Prerendered(string html, string testId)
    {
        var match = Regex.Match(html, $"""data-testid="{testId}">([^<]*)</time>""");
        Assert.True(match.Success, $"no {testId} in the prerendered page");
        return match.Groups[1].Value;
    }
}
