using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>The log shows times on the user's clock: the browser's time zone, not the server's.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class LogTimeZoneTests(BrowserFixture fixture)
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

        await page.GotoAsync($"/models/{id}"); // prerendered in the server's zone, then shown again in the browser's
        await BrowserFixture.WaitForCircuitAsync(page);
        var time = page.GetByTestId("log-line").Last.Locator("time");
        var at = DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);
        var inKathmandu = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Kathmandu));

        await Expect(time).ToHaveTextAsync(inKathmandu.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.NotEqual(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.Local).ToString("HH:mm:ss", CultureInfo.InvariantCulture), await time.InnerTextAsync());
        await page.Context.CloseAsync();
    }
}
