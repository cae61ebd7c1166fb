using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// How much opening a model page costs the server: its SQL, logged by EF on a server of its own, counted from the
/// first request of a full page load (prerender, then the circuit) until the page shows its log.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed partial class ModelPageLoadTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Org = "Lakeside Radiology";
    private const string Admin = "lead@lakeside.test";

    [Fact]
    public async Task OpeningATrainedModel_LoadsItsDataOnce_NotAgainInTheCircuit()
    {
        await using var server = await DashboardServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Sessions__RefreshSeconds"] = "3600", // no user re-reads of the session refresh among the counted ones
        });
        await server.CreateUserAsync(Org, Admin, "admin", "gold");
        var page = await fixture.SignInAsync(Admin, server: server);
        var id = await BrowserFlows.TrainedModelAsync(page, "Chest X-ray reports", "Dictated findings",
            await BrowserFlows.SpeechPairsAsync("chest", 2), await BrowserFlows.SpeechPairsAsync("lung", 1));
        await page.WaitForTimeoutAsync(1000); // the completion's own reads and reloads are done

        var before = server.Output.Length;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("log-line").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("evaluation-summary")).ToBeVisibleAsync();
        var shown = clock.ElapsedMilliseconds;
        await page.WaitForTimeoutAsync(1000);
        var sql = server.Output[before..];

        var modelReads = ModelRowRead().Count(sql);
        var calls = DashboardCall().Count(sql);
        output.WriteLine($"opening /models/{id}: {modelReads} reads of the model row, {calls} dashboard calls, live with its log in {shown} ms");
        // The detail and the evaluation, read while prerendering and carried into the circuit; then the subscription and
        // the log history, which only the circuit needs. Loading again in the circuit made it 12 calls and 11 reads.
        Assert.InRange(calls, 1, 4);
        Assert.InRange(modelReads, 1, 4);
    }

    // A read of one model by its id (the page's own model; list queries have no such filter).
    [GeneratedRegex(@"FROM ""CustomModels"" AS ""c""\s+WHERE ""c"".""Id"" = @")]
    private static partial Regex ModelRowRead();

    // Each dashboard client call checks the user's access first: one read of the user by id.
    [GeneratedRegex(@"FROM ""AspNetUsers"" AS ""a""\s+WHERE ""a"".""Id"" = @p\b")]
    private static partial Regex DashboardCall();
}
