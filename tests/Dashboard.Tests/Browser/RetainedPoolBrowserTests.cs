using System.Net.Http.Headers;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Privacy;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>/privacy with kept requests: play an item, add it to a model with a corrected transcript, delete one, opt out; /audit shows it all.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class RetainedPoolBrowserTests(BrowserFixture fixture)
{
    private const string Org = "Riverside Cardiology";
    private const string Lead = "lead@riverside.test";

    [Fact]
    public async Task AnAdmin_PlaysAnItem_AddsItToAModelWithAnEditedTranscript_DeletesAnother_AndOptsOut()
    {
        await fixture.Server.CreateUserAsync(Org, Lead, "admin", "gold");
        using var api = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Server.CreateApiKeyAsync(Org, "gold"));
        var source = (int)(await api.CreateModelAsync("Clinic dictation"))["id"]!;
        var target = (int)(await api.CreateModelAsync("Cardiology v2"))["id"]!;
        await (await api.UploadPairAsync(source, "the patient has a trial fibrillation")).ReadJsonAsync(expectSuccess: true);
        await (await api.UploadPairAsync(source, "an older dictation to delete")).ReadJsonAsync(expectSuccess: true);

        var page = await fixture.SignInAsync(Lead);
        await page.GotoAsync("/privacy");
        await BrowserFixture.WaitForCircuitAsync(page);
        var items = page.GetByTestId("pool-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("pool-total")).ToHaveTextAsync("2 items");
        await Expect(items.First.GetByTestId("pool-transcript")).ToHaveTextAsync("an older dictation to delete");

        var seconds = await items.Nth(1).GetByTestId("pool-audio").EvaluateAsync<double>(
            "a => new Promise((ok, fail) => { a.onloadedmetadata = () => ok(a.duration); a.onerror = () => fail('audio error ' + (a.error && a.error.code)); a.preload = 'metadata'; a.load(); })");
        Assert.InRange(seconds, 1, 10);

        var kept = items.Nth(1);
        await kept.GetByTestId("pool-add").ClickAsync();
        await Expect(kept.GetByTestId("pool-add-transcript")).ToHaveValueAsync("the patient has a trial fibrillation");
        await kept.GetByTestId("pool-add-model").SelectOptionAsync(new SelectOptionValue { Label = "Cardiology v2" });
        await kept.GetByTestId("pool-add-type").SelectOptionAsync(new SelectOptionValue { Label = "Test" });
        await kept.GetByTestId("pool-add-transcript").FillAsync("the patient has atrial fibrillation");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "privacy-pool-1400.png"), FullPage = true });
        await kept.GetByTestId("pool-add-confirm").ClickAsync();
        await Expect(kept.GetByTestId("pool-add-form")).ToHaveCountAsync(0);
        var added = (await (await api.GetAsync($"{ApiClientExtensions.Models}/{target}/data")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
        Assert.Equal("test", (string)added.Single()!["type"]!);
        Assert.Equal(5, (int)added.Single()!["transcript_words"]!);

        await items.First.GetByTestId("pool-delete").ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("pool-total")).ToHaveTextAsync("1 item");
        Assert.Single(await api.PoolAsync());

        await page.GetByTestId("mip-opt-out").ClickAsync();
        await page.GetByTestId("save-data-use").ClickAsync();
        await Expect(page.GetByTestId("mip-status")).ToHaveAttributeAsync("data-opt-out", "true");
        await (await api.UploadPairAsync(source, "asked to be kept", "?mip_opt_out=false")).ReadJsonAsync(expectSuccess: true);
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(items).ToHaveCountAsync(1);

        await page.GetByTestId("nav-audit").ClickAsync();
        await page.WaitForURLAsync("**/audit");
        await Expect(Rows(page, "pool.delete")).ToHaveCountAsync(1);
        await Expect(Rows(page, "pool.add_to_model")).ToContainTextAsync(Lead);
        await Expect(Rows(page, "pool.add_to_model")).ToContainTextAsync($"custom_model_{target}");
        await Expect(Rows(page, "pool.download").First).ToContainTextAsync(Lead);
        await Expect(Rows(page, "data.add")).ToHaveCountAsync(3);
        await Expect(Rows(page, "data.add").First).ToContainTextAsync("API key");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), "audit-1400.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static ILocator Rows(IPage page, string action) => page.Locator($"[data-testid=audit-row][data-action='{action}']");

    [Fact]
    public async Task AViewer_SeesThePool_WithoutActions_AndHasNoAuditPage()
    {
        var page = await fixture.SignInAsync(BrowserFixture.Viewer);
        await page.GotoAsync("/privacy");
        await Expect(page.GetByTestId("retained-pool")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pool-delete")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nav-audit")).ToHaveCountAsync(0);
        await page.GotoAsync("/audit");
        await Expect(page.GetByTestId("audit-log")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
