using Dashboard.Shared.Models;
using System.Net;
using System.Text.Json.Nodes;
using Dashboard.Tests.Browser;
using Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Postgres;

/// <summary>
/// Scale-out as an operator runs it: two server processes on one PostgreSQL database and one storage folder. A run
/// started on node A is followed live by a hub client and a dashboard page on node B, and when node A is killed
/// node B finishes the run.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "postgres")]
public sealed class TwoNodeClusterTests(PostgresServer server)
{
    private const double RunSeconds = 120; // node A is still training when it is killed
    private const double RerunSeconds = 20; // node B's simulated runs (the taken-over one) are quicker
    private const string Lead = "lead@cluster.test";

    [Fact]
    public async Task ARunStartedOnNodeA_IsSeenLiveOnNodeB_AndFinishedByNodeBWhenNodeAIsKilled()
    {
        using var cluster = await ClusterEnvironment.CreateAsync(server, "twonode");
        var key = await CommandAsync(cluster, "create-api-key", "--org", "Cluster", "--plan", "gold");
        await CommandAsync(cluster, "create-user", "--org", "Cluster", "--email", Lead, "--password", DashboardServer.Password, "--role", "admin");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);

        using var nodeA = await ServerProcess.StartAsync(cluster.ForNode("node-a", RunSeconds));
        using var clientA = nodeA.CreateClient(key);
        var id = await new CustomModelBuilder(clientA).ReadyToRun().CreateAsync();
        await (await clientA.PostAsync($"{ApiClientExtensions.Models}/{id}/run", null)).AssertStatusAsync(HttpStatusCode.Accepted);
        await WaitForRunningAsync(clientA, id, m => (int)m["training_progress"]! > 0, "the run to make progress on node A");

        using var nodeB = await ServerProcess.StartAsync(cluster.ForNode("node-b", RerunSeconds));
        using var clientB = nodeB.CreateClient(key);
        using var hub = await HubFollower.SubscribeAsync(nodeB.BaseAddress, key, id);
        var page = await BrowserFixture.SignInAsync(browser, nodeB.BaseAddress.ToString().TrimEnd('/'), Lead, DashboardServer.Password);
        await page.GotoAsync($"/models/{id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var pageLive = DateTimeOffset.UtcNow.AddSeconds(1);

        await WaitForRunningAsync(clientB, id, m => (int)m["training_progress"]! > 0, "node B to answer node A's progress");

        var lineFromA = await hub.NextAsync("logLine", e => DateTimeOffset.Parse((string)e["timestamp"]!) > pageLive, "log line of node A after the page opened");
        await Expect(page.GetByTestId("log-line").Filter(new() { HasText = (string)lineFromA["message"]! })).Not.ToHaveCountAsync(0);
        Assert.Equal(TrainingStatus.Running, (await clientA.GetModelAsync(id)).Status());

        var killedAt = DateTimeOffset.UtcNow;
        nodeA.KillAbruptly();

        var done = await clientB.WaitForStatusAsync(id, TimeSpan.FromMinutes(4), TrainingStatus.Success, TrainingStatus.Failed);
        Assert.True(done.Status() == TrainingStatus.Success, $"{done.ToJsonString()}\n{nodeB.Output}");
        await Expect(page.Locator("header [data-testid=model-status]")).ToHaveAttributeAsync("data-status", BrowserFlows.Code(TrainingStatus.Success));
        var summary = await hub.SummaryAsync();
        Assert.Null((string?)summary["error"]);
        var received = summary["logLines"]!.AsArray().Select(l => (Message: (string)l!["message"]!, At: DateTimeOffset.Parse((string)l["timestamp"]!))).ToList();
        var log = string.Join("\n", received.Select(l => $"{l.At:HH:mm:ss.fff} {l.Message}"));
        Assert.True(received.Any(l => l.Message == (string)lineFromA["message"]! && l.At < killedAt), $"killed at {killedAt:HH:mm:ss.fff}:\n{log}");
        Assert.True(received.Any(l => l.Message.StartsWith("The server restarted during this run", StringComparison.Ordinal) && l.At > killedAt),
            $"killed at {killedAt:HH:mm:ss.fff}:\n{log}");
        Assert.StartsWith("Training succeeded", received[^1].Message, StringComparison.Ordinal);
        Assert.Contains(TrainingStatus.Success, summary["statuses"]!.AsArray().Select(s => (TrainingStatus)(int)s!));
    }

    private static async Task<string> CommandAsync(ClusterEnvironment cluster, params string[] args)
    {
        var (exit, output, error) = await ServerProcess.RunCommandAsync(cluster.ForNode("cli"), args);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    private static async Task WaitForRunningAsync(HttpClient client, int id, Func<JsonNode, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var model = await client.GetModelAsync(id);
            if (model.Status() == TrainingStatus.Running && condition(model)) return;
            if (model.Status() > TrainingStatus.Running || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Waited for {what}: {model.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
