using System.Collections.Concurrent;
using Dashboard.Shared.Models;
using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Server.Training;

/// <summary>
/// The status check (GET /custom_models/{id}) is what clients poll: its answer is kept in memory per model
/// and dropped whenever the model, its data or its runs change (see <see cref="ModelCacheInvalidation"/> and
/// the progress writer). A read that overlaps a change is never cached. With several nodes, each change is
/// also announced to the others (<see cref="Invalidated"/>, relayed by Live/PostgresEventRelay), which drop
/// their copy; the short lifetime bounds what a node could serve while the relay is reconnecting.
/// </summary>
public sealed class ModelStatusCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<int, long> generations = new();
    private long epoch; // moves on when every cached status is dropped at once: entries keyed by an older one are never read

    public async Task<ModelDto?> GetOrLoadAsync(int organizationId, int modelId, Func<Task<ModelDto?>> load)
    {
        var epochBefore = Interlocked.Read(ref epoch);
        if (cache.TryGetValue(Key(modelId, epochBefore), out CachedModel? hit) && hit is not null)
            return hit.OrganizationId == organizationId ? hit.Model : null;
        var generation = generations.GetValueOrDefault(modelId);
        var model = await load();
        if (model is not null && generations.GetValueOrDefault(modelId) == generation && Interlocked.Read(ref epoch) == epochBefore)
            cache.Set(Key(modelId, epochBefore), new CachedModel(organizationId, model), Lifetime);
        return model;
    }

    /// <summary>Raised by <see cref="Invalidate"/>, on the caller's thread: handlers must only queue work.</summary>
    public event Action<int>? Invalidated;

    /// <summary>Call after a change to the model is committed.</summary>
    public void Invalidate(int modelId)
    {
        InvalidateFromPeer(modelId);
        Invalidated?.Invoke(modelId);
    }

    /// <summary>Another node changed the model: drop the copy here without announcing it again.</summary>
    public void InvalidateFromPeer(int modelId)
    {
        generations.AddOrUpdate(modelId, 1, (_, g) => g + 1);
        cache.Remove(Key(modelId, Interlocked.Read(ref epoch)));
    }

    /// <summary>This node may have missed other nodes' changes (its relay was reconnecting): drop every cached status.</summary>
    public void InvalidateAllFromPeer() => Interlocked.Increment(ref epoch);

    private static string Key(int modelId, long epoch) => $"model-status:{epoch}:{modelId}";

    private sealed record CachedModel(int OrganizationId, ModelDto Model);
}
