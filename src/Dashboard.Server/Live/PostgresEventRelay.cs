using System.Threading.Channels;
using Dashboard.Server.Training;
using Dashboard.Server.Persistence;
using Npgsql;

namespace Dashboard.Server.Live;

/// <summary>
/// With Database:Provider=postgres, the nodes share their event streams: each event published on this node and
/// each change of a model's cached status or cache eviction goes out with NOTIFY, and what the other nodes send comes in with
/// LISTEN and is published here (hub clients and Blazor pages on this node see a run on another node) or drops
/// the cached copy. Log lines are stored before they are published, so a line missed during a reconnect is
/// still in the log the pages and GET .../log read.
/// </summary>
public sealed class PostgresEventRelay(
    DatabaseConnection database, TrainingEventBus bus, ModelStatusCache statusCache, CacheEvictions evictions, ILogger<PostgresEventRelay> logger)
    : BackgroundService
{
    public const string Channel = "dashboard_events";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly Guid origin = Guid.NewGuid();
    private readonly Channel<PeerMessage> outgoing = System.Threading.Channels.Channel.CreateBounded<PeerMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node receives what the others send: start-up waits for it (see <see cref="StartAsync"/>).</summary>
    public Task Listening => listening.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        // A node that answers requests before it listens could miss a peer's events for a page it just served.
        await Listening.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var events = bus.SubscribeToLocalEvents(e =>
        {
            outgoing.Writer.TryWrite(PeerMessage.Of(origin, e));
            return Task.CompletedTask;
        });
        void OnInvalidated(int modelId) => outgoing.Writer.TryWrite(new PeerMessage(origin, ChangedModelId: modelId));
        void OnEvicted(string key) => outgoing.Writer.TryWrite(new PeerMessage(origin, EvictedCacheKey: key));
        statusCache.Invalidated += OnInvalidated;
        evictions.Evicted += OnEvicted;
        try
        {
            await Task.WhenAll(KeepGoing(ListenAsync, stoppingToken), KeepGoing(SendAsync, stoppingToken));
        }
        finally
        {
            statusCache.Invalidated -= OnInvalidated;
            evictions.Evicted -= OnEvicted;
        }
    }

    private async Task KeepGoing(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Event relay lost its PostgreSQL connection ({Reason}); reconnecting", e.Message);
                await Task.Delay(ReconnectDelay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
        // Changes made while this node was not listening were not announced: forget every cached status.
        statusCache.InvalidateAllFromPeer();
        listening.TrySetResult();
        while (true) await connection.WaitAsync(ct);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        var payload = new NpgsqlParameter<string>("payload", "");
        notify.Parameters.Add(payload);
        while (await outgoing.Reader.WaitToReadAsync(ct))
        {
            // Peeked, not read: a message whose NOTIFY fails is sent again after reconnecting.
            while (outgoing.Reader.TryPeek(out var message))
            {
                payload.TypedValue = message.ToPayload();
                await notify.ExecuteNonQueryAsync(ct);
                outgoing.Reader.TryRead(out _);
            }
        }
    }

    private void Receive(string payload)
    {
        if (PeerMessage.Parse(payload) is not { } message || message.Origin == origin) return;
        if (message.ChangedModelId is { } modelId) statusCache.InvalidateFromPeer(modelId);
        if (message.EvictedCacheKey is { } key) evictions.EvictFromPeer(key);
        if (message.Event is { } trainingEvent) bus.PublishFromPeer(trainingEvent);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        // Its own physical connection: a pooled one would lose LISTEN when returned to the pool.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
