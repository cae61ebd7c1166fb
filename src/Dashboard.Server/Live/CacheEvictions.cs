using Microsoft.Extensions.Caching.Memory;

namespace Dashboard.Server.Live;

/// <summary>
/// Removes an entry of the in-memory cache that must not outlive a change (e.g. a revoked API key): here, and with
/// several nodes on every node (<see cref="Evicted"/> is relayed by <see cref="PostgresEventRelay"/>).
/// </summary>
public sealed class CacheEvictions(IMemoryCache cache)
{
    /// <summary>Raised by <see cref="Evict"/> on the caller's thread: handlers must only queue work.</summary>
    public event Action<string>? Evicted;

    public void Evict(string key)
    {
        EvictFromPeer(key);
        Evicted?.Invoke(key);
    }

    /// <summary>Raised for every eviction on this node, its own and those relayed from peers: handlers must only queue work.</summary>
    public event Action<string>? Removed;

    /// <summary>Another node evicted the key: remove it here without announcing it again.</summary>
    public void EvictFromPeer(string key)
    {
        cache.Remove(key);
        Removed?.Invoke(key);
    }
}
