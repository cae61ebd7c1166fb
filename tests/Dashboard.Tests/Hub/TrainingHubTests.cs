using Dashboard.Shared.Models;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dashboard.Tests.Browser;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hub;

/// <summary>/hubs/training with the official JS client (@microsoft/signalr, run by node), against the real server.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class TrainingHubTests(BrowserFixture fixture)
{
    [Fact]
    public async Task JsClient_ReceivesRunningSuccessAndLogLinesForItsModel_AndNothingOfAnotherOrganization()
    {
        await NodeScript.EnsureInstalledAsync();
        var ours = await ClientAsync("Hub Org A");
        var theirs = await ClientAsync("Hub Org B");
        var ourModel = await ReadyModelAsync(ours);
        var theirModel = await ReadyModelAsync(theirs);

        var subscribed = new TaskCompletionSource();
        string? summary = null;
        using var node = NodeScript.Start("hub-client.mjs",
            [fixture.Server.BaseUrl, ours.DefaultRequestHeaders.Authorization!.Parameter!, ourModel.ToString(), theirModel.ToString(), "60000"],
            line =>
            {
                if (line == "subscribed") subscribed.TrySetResult();
                else if (line.StartsWith('{')) summary = line;
            });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await (await theirs.PostAsync($"{ApiClientExtensions.Models}/{theirModel}/run", null)).ReadJsonAsync(expectSuccess: true);
        await (await ours.PostAsync($"{ApiClientExtensions.Models}/{ourModel}/run", null)).ReadJsonAsync(expectSuccess: true);
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        var result = JsonNode.Parse(summary ?? throw new InvalidOperationException("node printed no summary"))!;
        Assert.Null((string?)result["error"]);
        var statuses = result["statuses"]!.AsArray().Select(s => (TrainingStatus)(int)s!).ToList();
        Assert.Contains(TrainingStatus.Running, statuses);
        Assert.Contains(TrainingStatus.Success, statuses);
        var lines = result["logLines"]!.AsArray();
        Assert.True(lines.Count >= 5, $"only {lines.Count} log lines");
        Assert.Contains(lines, l => ((string)l!["message"]!).StartsWith("Training succeeded", StringComparison.Ordinal));
        Assert.Equal(0, (int)result["otherModelEvents"]!);
        Assert.Contains("does not exist", (string?)result["foreignSubscribeError"] ?? "");
    }

    private async Task<HttpClient> ClientAsync(string organization)
    {
        var key = await fixture.Server.CreateApiKeyAsync(organization);
        var client = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<int> ReadyModelAsync(HttpClient client)
    {
        var id = (int)(await client.CreateModelAsync("hub model"))["id"]!;
        await client.UploadTrainAndTestAsync(id, seconds: 5);
        return id;
    }
}
