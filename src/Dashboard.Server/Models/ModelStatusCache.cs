using System.Collections.Concurrent;
using Dashboard.Shared.Models;
using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Server.Models;

/// <summary>
/// The status check (GET /custom_models/{id}) is what clients poll: its answer is kept in memory per model
/// and dropped whenever the model, its data or its runs change (see <see cref="ModelCacheInvalidation"/> and
/// the progress writer). A read that overlaps a change is never cached. The short lifetime bounds what
/// another node could miss until model events are relayed between nodes.
/// </summary>
public sealed class ModelStatusCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<int, long> generations = new();

    public async Task<ModelDto?> GetOrLoadAsync(int organizationId, int modelId, Func<Task<ModelDto?>> load)
    {
        if (cache.TryGetValue(Key(modelId), out CachedModel? hit) && hit is not null)
            return hit.OrganizationId == organizationId ? hit.Model : null;
        var generation = generations.GetValueOrDefault(modelId);
        var model = await load();
        if (model is not null && generations.GetValueOrDefault(modelId) == generation)
            cache.Set(Key(modelId), new CachedModel(organizationId, model), Lifetime);
        return model;
    }

    /// <summary>Call after a change to the model is committed.</summary>
    public void Invalidate(int modelId)
    {
        generations.AddOrUpdate(modelId, 1, (_, g) => g + 1);
        cache.Remove(Key(modelId));
    }

    private static string Key(int modelId) => $"model-status:{modelId}";

    private sealed record CachedModel(int OrganizationId, ModelDto Model);
}
