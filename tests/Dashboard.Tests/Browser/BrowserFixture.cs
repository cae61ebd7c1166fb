using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>One real server and one Chromium for all browser tests (Debian's chromium; never `playwright install`).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Enterprise (no model limit): the tests of this collection create many models in it.</summary>
    public const string Org = "Acme Health";
    public const string Plan = "enterprise";
    public const string Admin = "admin@acme.test";
    public const string Member = "member@acme.test";
    public const string Viewer = "viewer@acme.test";

    private IPlaywright? playwright;

    public DashboardServer Server { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server = await DashboardServer.StartAsync();
        await Server.CreateUserAsync(Org, Admin, "admin", Plan);
        await Server.CreateUserAsync(Org, Member, "member", Plan);
        await Server.CreateUserAsync(Org, Viewer, "viewer", Plan);
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(playwright);
        Assertions.SetDefaultExpectTimeout(StepTimeoutMs);
    }

    /// <summary>Debian's Chromium, headless.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>
    /// How long one browser step may wait. Generous because CI runs these beside sphinx trainings on 2 cores, where
    /// creating a model once took over 15 s to navigate.
    /// </summary>
    public const int StepTimeoutMs = 30_000;

    /// <summary>A fresh browser context (own cookies) signed in as <paramref name="email"/>, on /models.</summary>
    /// <param name="server">Another server than the collection's, e.g. one with the sphinx engine.</param>
    /// <param name="timezoneId">The browser's time zone (IANA), when a test needs another than the machine's.</param>
    public Task<IPage> SignInAsync(string email, int width = 1400, int height = 900, string password = DashboardServer.Password,
        DashboardServer? server = null, string? timezoneId = null) =>
        SignInAsync(Browser, (server ?? Server).BaseUrl, email, password, width, height, timezoneId);

    /// <summary>A fresh browser context signed in at <paramref name="baseUrl"/>, on /models.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string email, string password, int width = 1400, int height = 900,
        string? timezoneId = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(StepTimeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/models");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync("**/models");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Waits until the page is interactive (the circuit is up), so clicks reach .NET.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "live-server";
}
