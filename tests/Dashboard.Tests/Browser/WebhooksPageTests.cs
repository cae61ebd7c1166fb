using Dashboard.Shared.Models;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The /webhooks page in Chromium, on a server of its own that may reach 127.0.0.1 (the test's receiver): an admin
/// adds a webhook, copies the secret, a training run produces deliveries (the first attempt refused by the receiver)
/// that the page lists; internal addresses are refused with the reason; members do not see the page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class WebhooksPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Org = "Hooked Labs", Admin = "admin@hooked.test", Member = "member@hooked.test";
    private DashboardServer server = null!;
    private LoopbackReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = LoopbackReceiver.Start();
        server = await DashboardServer.StartAsync(simulationSeconds: 2, new Dictionary<string, string>
        {
            ["Transcription__AllowedPrivateHosts__0"] = "127.0.0.1",
            ["Delivery__RetryBaseSeconds"] = "0.5",
        });
        await server.CreateUserAsync(Org, Admin, "admin");
        await server.CreateUserAsync(Org, Member, "member");
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Admin_AddsAWebhook_SeesTheSecretOnce_AndTheDeliveriesOfATrainingRun()
    {
        var page = await fixture.SignInAsync(Admin, server: server);
        await page.GetByTestId("nav-webhooks").ClickAsync();
        await page.WaitForURLAsync("**/webhooks");
        await BrowserFixture.WaitForCircuitAsync(page);

        await page.GetByTestId("webhook-url").FillAsync("http://10.0.0.5/hook");
        await page.GetByTestId("create-webhook").ClickAsync();
        await Expect(page.GetByTestId("webhook-error")).ToContainTextAsync("internal address");
        await Expect(page.GetByTestId("webhook-row")).ToHaveCountAsync(0);

        await page.GetByTestId("webhook-url").FillAsync(new Uri(receiver.BaseAddress, "training-events").ToString());
        await page.GetByTestId("create-webhook").ClickAsync();
        await Expect(page.GetByTestId("new-webhook-secret")).ToContainTextAsync("whsec_");
        await Expect(page.GetByTestId("webhook-row")).ToHaveCountAsync(1);

        receiver.Answers.Enqueue(500);
        await TrainAModelAsync();
        for (var waited = 0; receiver.All.Count(r => r.Method == "POST") < 3 && waited < 60_000; waited += 200) await Task.Delay(200);
        await page.GetByTestId("refresh-deliveries").ClickAsync();
        await Expect(page.GetByTestId("delivery-row")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=delivery-row][data-status=delivered]")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("delivery-code").First).ToHaveTextAsync("HTTP 200");
        await Expect(page.GetByTestId("delivery-change").First).ToContainTextAsync("Success"); // newest first
        await Expect(page.GetByTestId("delivery-attempts").Filter(new() { HasText = "2" })).ToHaveCountAsync(1);
        var folder = ScreenshotTests.OutputFolder();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webhooks-1400.png"), FullPage = true });
        await page.SetViewportSizeAsync(800, 1000);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "webhooks-800.png"), FullPage = true });

        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("new-webhook-secret")).ToHaveCountAsync(0); // shown once only
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Member_SeesNoWebhooksEntry_AndOpeningThePageIsNotAllowed()
    {
        var page = await fixture.SignInAsync(Member, server: server);
        await Expect(page.GetByTestId("nav-webhooks")).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/webhooks");

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByTestId("access-denied")).ToContainTextAsync("not allowed");
        await Expect(page.GetByTestId("create-webhook")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task TrainAModelAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.CreateApiKeyAsync(Org));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success);
    }
}
