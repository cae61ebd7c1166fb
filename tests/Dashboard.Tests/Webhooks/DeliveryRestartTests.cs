using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Webhooks;

/// <summary>
/// The real server as a child process: webhook deliveries still waiting for a retry when the process is killed
/// (SIGKILL) are sent once the server starts again on the same database (delivery rows + Quartz's persistent store).
/// </summary>
[Trait("Category", "api")]
public sealed class DeliveryRestartTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-delivery-restart-");

    private IDictionary<string, string> Environment
    {
        get
        {
            var environment = ServerProcess.Environment(folder);
            environment["Training__MinimumAudioHours"] = "0.001";
            environment["Training__Simulation__MinimumSeconds"] = "2";
            environment["Transcription__AllowedPrivateHosts__0"] = "127.0.0.1";
            environment["Delivery__RetryBaseSeconds"] = "6"; // long enough to pull the plug while both wait for their retry
            return environment;
        }
    }

    [Fact]
    public async Task DeliveriesWaitingForARetry_WhenTheServerIsKilled_AreSentAfterItStartsAgain()
    {
        await using var receiver = LoopbackReceiver.Start();
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(500);
        var (exitCode, key, error) = await ServerProcess.RunCommandAsync(Environment, "create-api-key", "--org", "Restarted hooks", "--plan", "gold");
        Assert.True(exitCode == 0, error);
        key = key.Trim();
        using (var first = await ServerProcess.StartAsync(Environment))
        {
            using var client = first.CreateClient(key);
            await (await client.PostAsJsonAsync("/api/v3/webhooks", new { url = new Uri(receiver.BaseAddress, "hook").ToString() })).AssertStatusAsync(HttpStatusCode.Created);
            var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
            await (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
            await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success);
            await WaitForPostsAsync(receiver, 2);
            first.KillAbruptly();
        }
        Assert.Equal(2, receiver.All.Count(r => r.Method == "POST"));

        using var second = await ServerProcess.StartAsync(Environment);
        using var again = second.CreateClient(key);
        await WaitForPostsAsync(receiver, 4);

        var deliveries = (await (await again.GetAsync("/api/v3/webhooks/deliveries")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
        for (var waited = 0; deliveries.Any(d => (string)d!["status"]! != "delivered") && waited < 10_000; waited += 200)
        {
            await Task.Delay(200);
            deliveries = (await (await again.GetAsync("/api/v3/webhooks/deliveries")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
        }
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(("delivered", 2), ((string)d!["status"]!, (int)d["attempts"]!)));
        Assert.Equal(2, receiver.All.Where(r => r.Method == "POST").Select(r => r.Headers["X-Dashboard-Delivery"]).Distinct().Count());
    }

    private static async Task WaitForPostsAsync(LoopbackReceiver receiver, int count)
    {
        for (var waited = 0; receiver.All.Count(r => r.Method == "POST") < count; waited += 200)
        {
            if (waited > 60_000) throw new TimeoutException($"{receiver.All.Count(r => r.Method == "POST")} of {count} webhook requests arrived");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
