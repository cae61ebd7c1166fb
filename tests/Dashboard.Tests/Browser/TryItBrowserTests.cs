using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Sphinx;
using Microsoft.Playwright;
using Xunit;

namespace Dashboard.Tests.Browser;

/// <summary>
/// "Try it" on the model page, in Chromium with a fake microphone fed from a recording: the page streams to
/// /v1/listen with the member's session, and the custom model's and the base model's words appear side by side.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class TryItBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TryIt_StreamsTheMicrophone_WithTheSession_AndShowsBothModelsWords_InterimGreyThenFinal()
    {
        var microphone = Path.Combine(TestTemp.Folder("fake-mic-"), "mic.wav");
        await AudioFiles.Run("sox", [Librivox("0880"), microphone, "pad", "0.3", "2"]); // speech, then silence that ends it
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={microphone}"],
        });
        var page = await BrowserFixture.SignInAsync(browser, fixture.Server.BaseUrl, BrowserFixture.Member, DashboardServer.Password);
        var id = await BrowserFlows.TrainedModelAsync(page, "Try it " + Guid.NewGuid().ToString("N")[..4], "Dictation",
            await BrowserFlows.SpeechPairsAsync("tryit", 2), await BrowserFlows.SpeechPairsAsync("tryit_test", 1));
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.GetByTestId("try-it-mic").ClickAsync();
        var custom = page.GetByTestId("try-it-custom");
        await Assertions.Expect(custom.Locator(".try-interim")).Not.ToBeEmptyAsync(new() { Timeout = 20_000 }); // grey while speaking
        await Assertions.Expect(custom.Locator(".try-final")).ToContainTextAsync("young", new() { Timeout = 20_000 }); // the fake microphone loops the recording from wherever it is
        await Assertions.Expect(page.GetByTestId("try-it-base").Locator(".try-final")).ToContainTextAsync("young", new() { Timeout = 20_000 }); // the fake microphone loops the recording from wherever it is
        await Assertions.Expect(custom.Locator(".try-final")).ToContainTextAsync("was not", new() { Timeout = 30_000 }); // the next loop, heard whole
        await page.GetByTestId("try-it").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "try-it-1400.png") });
        await page.GetByTestId("try-it-mic").ClickAsync();
        await Assertions.Expect(page.GetByTestId("try-it-status")).ToHaveTextAsync("Done.", new() { Timeout = 20_000 });
        Assert.Equal("Start microphone", await page.GetByTestId("try-it-mic").TextContentAsync());
        Assert.True(id > 0);
    }

    [Fact]
    public async Task TheSessionCookie_OpensAStream_FromTheDashboardsOrigin_AndIsRefusedFromAnyOther()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Viewer);
        var cookies = await page.Context.CookiesAsync();
        var cookie = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        var url = new Uri($"{fixture.Server.BaseUrl.Replace("http", "ws", StringComparison.Ordinal)}/v1/listen?model=general&encoding=linear16&sample_rate=16000");
        await page.Context.CloseAsync();

        using (var foreign = new System.Net.WebSockets.ClientWebSocket())
        {
            foreign.Options.CollectHttpResponseDetails = true;
            foreign.Options.SetRequestHeader("Cookie", cookie);
            foreign.Options.SetRequestHeader("Origin", "http://elsewhere.example");
            await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => foreign.ConnectAsync(url, CancellationToken.None));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        }
        using var own = new System.Net.WebSockets.ClientWebSocket();
        own.Options.SetRequestHeader("Cookie", cookie);
        own.Options.SetRequestHeader("Origin", fixture.Server.BaseUrl);
        await own.ConnectAsync(url, CancellationToken.None);
        await own.SendAsync("{\"type\":\"CloseStream\"}"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[16 * 1024];
        Assert.Contains("Metadata", System.Text.Encoding.UTF8.GetString(buffer, 0, (await own.ReceiveAsync(buffer, CancellationToken.None)).Count));
    }

    private static string Librivox(string id) => LibrivoxRecordings.All().Single(r => r.Id.EndsWith(id, StringComparison.Ordinal)).WavPath;
}
