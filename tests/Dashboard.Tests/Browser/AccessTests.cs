using Dashboard.Shared.Models;
using System.Net.Http.Headers;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class AccessTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Viewer_SeesTheModelButCannotStartTrainingOrUpload()
    {
        var id = await ReadyModelOfTheOrganizationAsync("Viewer can look");
        var page = await fixture.SignInAsync(BrowserFixture.Viewer);
        await Expect(page.GetByTestId("create-model")).ToHaveCountAsync(0);
        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("model-status")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("start-training")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("start-blocked-reason")).ToContainTextAsync("Viewers");
        await Expect(page.GetByTestId("upload-input")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("delete-model")).ToHaveCountAsync(0);

        // The server refuses too: the viewer's cookie on the API, as the page's own script would send it.
        var status = await page.EvaluateAsync<int>($"fetch('/api/v3/custom_models/{id}/run', {{ method: 'POST', headers: {{ 'X-Requested-With': 'XMLHttpRequest' }} }}).then(r => r.status)");
        Assert.Equal(403, status);
        await Expect(page.Locator("header [data-testid=model-status]")).ToHaveAttributeAsync("data-status", BrowserFlows.Code(TrainingStatus.ReadyToRun));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CookieWritesToTheApi_WithoutTheXhrHeader_AreRefused()
    {
        var id = await ReadyModelOfTheOrganizationAsync("CSRF target");
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        var read = await page.EvaluateAsync<int>($"fetch('/api/v3/custom_models/{id}').then(r => r.status)");
        var write = await page.EvaluateAsync<int>($"fetch('/api/v3/custom_models/{id}/run', {{ method: 'POST' }}).then(r => r.status)");
        Assert.Equal(200, read);
        Assert.Equal(401, write);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NamesWithHtml_AreShownAsText()
    {
        const string name = "<img src=x onerror=\"window.__xss=1\"><b>Bold</b> & co";
        var page = await fixture.SignInAsync(BrowserFixture.Member);
        var id = await BrowserFlows.CreateModelAsync(page, name, "<script>window.__xss=2</script>");
        await Expect(page.GetByTestId("model-title")).ToHaveTextAsync(name);
        Assert.Equal(0, await page.Locator("[data-testid=model-title] b, [data-testid=model-title] img").CountAsync());
        await page.GotoAsync("/models");
        await Expect(page.Locator($"[data-testid=model-row][data-model-id='{id}'] [data-testid=model-name]")).ToHaveTextAsync(name);
        Assert.Null(await page.EvaluateAsync<int?>("window.__xss ?? null"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAnError_AndPagesNeedSignIn()
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Server.BaseUrl });
        await page.GotoAsync("/billing");
        await page.WaitForURLAsync("**/login?**");
        await page.GetByTestId("login-email").FillAsync(BrowserFixture.Member);
        await page.GetByTestId("login-password").FillAsync("not the password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("do not match");
        await page.GetByTestId("login-email").FillAsync(BrowserFixture.Member);
        await page.GetByTestId("login-password").FillAsync(DashboardServer.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync("**/billing");
        await Expect(page.GetByTestId("plan-usage")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    private async Task<int> ReadyModelOfTheOrganizationAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Server.CreateApiKeyAsync(BrowserFixture.Org, BrowserFixture.Plan));
        var id = (int)(await client.CreateModelAsync(name))["id"]!;
        await client.UploadTrainAndTestAsync(id, seconds: 5);
        return id;
    }
}
