using System.Collections.Concurrent;
using System.Threading.Channels;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Live;

/// <summary>
/// A hub connection lives as long as the API key it was opened with. Each connection is tracked with its key; when a
/// key is evicted from the cache (revoked here or, relayed, on another node) and every <see cref="SweepInterval"/>
/// as a backstop (a key revoked or an organization deleted by another process), connections whose key is revoked or
/// gone are aborted, so they receive nothing more.
/// </summary>
public sealed class HubKeyGuard(IDbContextFactory<DashboardDbContext> contexts, CacheEvictions evictions, ILogger<HubKeyGuard> logger)
    : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (int KeyId, HubCallerContext Connection)> connections = new();
    private readonly Channel<bool> sweeps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public static int KeyIdOf(HubCallerContext connection) =>
        int.Parse(connection.User?.FindFirst(DashboardClaims.ApiKeyId)?.Value ?? throw new InvalidOperationException("A hub connection without an API key."));

    public void Track(HubCallerContext connection) => connections[connection.ConnectionId] = (KeyIdOf(connection), connection);

    public void Forget(string connectionId) => connections.TryRemove(connectionId, out _);

    public async Task<bool> IsValidAsync(int keyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AnyAsync(k => k.Id == keyId && k.RevokedAt == null, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnRemoved(string _) => sweeps.Writer.TryWrite(true);
        evictions.Removed += OnRemoved;
        try
        {
            using var timer = new PeriodicTimer(SweepInterval);
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            while (!stoppingToken.IsCancellationRequested)
            {
                var asked = sweeps.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, asked) == tick) tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                else sweeps.Reader.TryRead(out _);
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            evictions.Removed -= OnRemoved;
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        var open = connections.Values.ToList();
        if (open.Count == 0) return;
        try
        {
            var keyIds = open.Select(c => c.KeyId).Distinct().ToList();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var valid = (await db.ApiKeys.Where(k => keyIds.Contains(k.Id) && k.RevokedAt == null).Select(k => k.Id).ToListAsync(ct)).ToHashSet();
            foreach (var (keyId, connection) in open.Where(c => !valid.Contains(c.KeyId)))
            {
                Forget(connection.ConnectionId);
                connection.Abort();
                logger.LogInformation("Closed hub connection {ConnectionId}: its API key {KeyId} was revoked", connection.ConnectionId, keyId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not check hub connections against revoked keys; trying again at the next sweep");
        }
    }
}
