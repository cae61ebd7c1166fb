using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Postgres;

/// <summary>tests/js/hub-client.mjs (the official SignalR client) following one model, its events readable as they arrive.</summary>
public sealed class HubFollower : IDisposable
{
    private readonly Channel<JsonNode> events = Channel.CreateUnbounded<JsonNode>();
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process process;
    private string? summary;

    private HubFollower(Uri server, string key, int modelId)
    {
        process = NodeScript.Start("hub-client.mjs", [server.ToString().TrimEnd('/'), key, $"{modelId}", "0", "300000", "echo"], line =>
        {
            output.Enqueue(line);
            if (line == "subscribed") subscribed.TrySetResult();
            else if (line.StartsWith("event ", StringComparison.Ordinal)) events.Writer.TryWrite(JsonNode.Parse(line[6..])!);
            else if (line.StartsWith('{')) summary = line;
        });
    }

    public static async Task<HubFollower> SubscribeAsync(Uri server, string key, int modelId)
    {
        await NodeScript.EnsureInstalledAsync();
        var follower = new HubFollower(server, key, modelId);
        var done = await Task.WhenAny(follower.subscribed.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(done == follower.subscribed.Task, $"The hub client did not subscribe: {string.Join('\n', follower.output)}");
        return follower;
    }

    /// <summary>The next event of <paramref name="kind"/> (statusChanged, logLine) that <paramref name="wanted"/> accepts; earlier ones are passed over.</summary>
    public async Task<JsonNode> NextAsync(string kind, Func<JsonNode, bool> wanted, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            while (true)
            {
                var next = await events.Reader.ReadAsync(timeout.Token);
                if ((string)next["kind"]! == kind && wanted(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {what} within 45 s.");
        }
    }

    /// <summary>What the client printed when the run ended: statuses and log lines received, and any error.</summary>
    public async Task<JsonNode> SummaryAsync()
    {
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return JsonNode.Parse(summary ?? throw new InvalidOperationException($"The hub client printed no summary: {string.Join('\n', output)}"))!;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
