using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>
/// Scale-out as an operator runs it: two server processes on one PostgreSQL database and one storage folder. A run
/// started on node A is followed live by a hub client on node B, and when node A is killed node B finishes the run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoNodeClusterTests(PostgresServer server)
{
    private const double RunSeconds = 60; // 8 epochs of 4.5 s in the simulated engine's training stage

    [Fact]
    public async Task ARunStartedOnNodeA_IsSeenLiveOnNodeB_AndFinishedByNodeBWhenNodeAIsKilled()
    {
        await NodeScript.EnsureInstalledAsync();
        using var cluster = await ClusterEnvironment.CreateAsync(server, "twonode");
        var (exit, key, error) = await ServerProcess.RunCommandAsync(cluster.ForNode("cli"), "create-api-key", "--org", "Cluster", "--plan", "gold");
        Assert.True(exit == 0, error);
        key = key.Trim();

        using var nodeA = await ServerProcess.StartAsync(cluster.ForNode("node-a", RunSeconds));
        using var clientA = nodeA.CreateClient(key);
        var id = await new CustomModelBuilder(clientA).ReadyToRun().CreateAsync();
        await (await clientA.PostAsync($"{ApiClientExtensions.Models}/{id}/run", null)).AssertStatusAsync(HttpStatusCode.Accepted);
        await WaitForAsync(clientA, id, m => (int)m["training_progress"]! > 0, "the run to make progress on node A");

        using var nodeB = await ServerProcess.StartAsync(cluster.ForNode("node-b", RunSeconds));
        using var clientB = nodeB.CreateClient(key);
        var events = Channel.CreateUnbounded<JsonNode>();
        var subscribed = new TaskCompletionSource();
        string? summary = null;
        var hubOutput = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var hubClient = NodeScript.Start("hub-client.mjs", [nodeB.BaseAddress.ToString().TrimEnd('/'), key, $"{id}", "0", "300000", "echo"], line =>
        {
            hubOutput.Enqueue(line);
            if (line == "subscribed") subscribed.TrySetResult();
            else if (line.StartsWith("event ", StringComparison.Ordinal)) events.Writer.TryWrite(JsonNode.Parse(line[6..])!);
            else if (line.StartsWith('{')) summary = line;
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully,
            $"The hub client on node B did not subscribe: {string.Join('\n', hubOutput)}"), TaskScheduler.Default);

        // Node B's status answer is cached; node A's progress must still show there as soon as B's hub client sees it.
        var (primed, seenLater) = await ProgressSeenOnNodeBAsync(clientB, events.Reader, id);
        Assert.True((int)(await clientB.GetModelAsync(id))["training_progress"]! >= seenLater,
            $"node B still answers progress {primed} after relaying {seenLater} from node A");
        var logLineFromA = await TakeUntilAsync(events.Reader, e => (string)e["kind"]! == "logLine", "a log line of node A's run on node B's hub");
        Assert.Equal(3, (int)(await clientA.GetModelAsync(id))["training_status"]!);

        var killedAt = DateTimeOffset.UtcNow;
        nodeA.KillAbruptly();

        var done = await clientB.WaitForStatusAsync(id, TimeSpan.FromMinutes(4), 4, 5);
        Assert.True((int)done["training_status"]! == 4, $"{done.ToJsonString()}\n{nodeB.Output}");
        await hubClient.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var hub = JsonNode.Parse(summary ?? throw new InvalidOperationException("the hub client printed no summary"))!;
        Assert.Null((string?)hub["error"]);
        var received = hub["logLines"]!.AsArray().Select(l => (Message: (string)l!["message"]!, At: DateTimeOffset.Parse((string)l["timestamp"]!))).ToList();
        Assert.Contains(received, l => l.Message == (string)logLineFromA["message"]! && l.At < killedAt);
        Assert.Contains(received, l => l.Message.StartsWith("The server restarted during this run", StringComparison.Ordinal) && l.At > killedAt);
        Assert.StartsWith("Training succeeded", received[^1].Message, StringComparison.Ordinal);
        Assert.Contains(4, hub["statuses"]!.AsArray().Select(s => (int)s!));
    }

    /// <summary>Reads node B's (now cached) status, then waits until B's hub client receives a later progress from node A.</summary>
    private static async Task<(int Primed, int SeenLater)> ProgressSeenOnNodeBAsync(HttpClient clientB, ChannelReader<JsonNode> events, int id)
    {
        // The simulated engine's training stage moves every 4.5 s, within the cache's 5 s: a stale answer would show.
        await WaitForAsync(clientB, id, m => (int)m["training_progress"]! >= 30, "node A's run to reach its training stage");
        var primed = (int)(await clientB.GetModelAsync(id))["training_progress"]!;
        var later = await TakeUntilAsync(events, e => (string)e["kind"]! == "statusChanged" && (int)e["training_progress"]! > primed, "a later progress on node B's hub");
        return (primed, (int)later["training_progress"]!);
    }

    private static async Task<JsonNode> TakeUntilAsync(ChannelReader<JsonNode> events, Func<JsonNode, bool> wanted, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            while (true)
            {
                var next = await events.ReadAsync(timeout.Token);
                if (wanted(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {what} within 45 s.");
        }
    }

    private static async Task WaitForAsync(HttpClient client, int id, Func<JsonNode, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var model = await client.GetModelAsync(id);
            if ((int)model["training_status"]! == 3 && condition(model)) return;
            if ((int)model["training_status"]! > 3 || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Waited for {what}: {model.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
