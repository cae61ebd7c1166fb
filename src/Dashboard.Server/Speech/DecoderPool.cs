using Microsoft.Extensions.Options;

namespace Dashboard.Server.Speech;

/// <summary>
/// Warm PocketSphinx decoders, loaded per model on demand and reused. At most <see cref="SphinxOptions.DecodeSlots"/>
/// decodes run at once (one per core by default); idle decoders are kept while their estimated memory stays under
/// <see cref="SphinxOptions.MaxDecoderMemoryMegabytes"/>, the least recently used released first.
/// </summary>
public sealed class DecoderPool : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly long memoryBudget;
    private readonly ILogger<DecoderPool> logger;
    private readonly Lock gate = new();
    private readonly LinkedList<SphinxDecoder> idle = new(); // most recently used first
    private long loadedBytes;
    private bool disposed;

    public DecoderPool(IOptions<SphinxOptions> options, ILogger<DecoderPool> logger)
    {
        slots = new SemaphoreSlim(options.Value.DecodeSlots);
        memoryBudget = options.Value.MaxDecoderMemoryMegabytes * 1024L * 1024L;
        this.logger = logger;
    }

    public int IdleCount { get { lock (gate) return idle.Count; } }

    public long LoadedBytes => Interlocked.Read(ref loadedBytes);

    /// <summary>Decodes <paramref name="pcm"/> with a decoder for <paramref name="key"/>, loading one with <paramref name="load"/> if none is idle.</summary>
    public async Task<Recognition> RecognizeAsync(string key, Func<CancellationToken, Task<SphinxDecoder>> load, short[] pcm, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            using var lease = await RentAsync(key, load, ct);
            return await Task.Run(() => lease.Decoder.Recognize(pcm), CancellationToken.None);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// A decoder of <paramref name="key"/> for one live stream, held until the lease is disposed. Streams take no decode
    /// slot: they are paced by real-time audio, and a stream that waited for a slot would fall behind its speaker.
    /// </summary>
    public async Task<DecoderLease> RentAsync(string key, Func<CancellationToken, Task<SphinxDecoder>> load, CancellationToken ct)
    {
        var decoder = TakeIdle(key);
        if (decoder is null)
        {
            decoder = await load(ct);
            Interlocked.Add(ref loadedBytes, decoder.EstimatedBytes);
            logger.LogInformation("Loaded a decoder for {Model} (~{Megabytes} MB; {Total} MB held)", key, decoder.EstimatedBytes >> 20, LoadedBytes >> 20);
        }
        return new DecoderLease(decoder, Return);
    }

    /// <summary>Releases every idle decoder of a model (e.g. after it was retrained or deleted).</summary>
    public void Evict(Func<string, bool> keyMatches)
    {
        List<SphinxDecoder> released;
        lock (gate)
        {
            released = idle.Where(d => keyMatches(d.Spec.Key)).ToList();
            foreach (var d in released) idle.Remove(d);
        }
        foreach (var d in released) Release(d);
    }

    private SphinxDecoder? TakeIdle(string key)
    {
        lock (gate)
        {
            for (var node = idle.First; node is not null; node = node.Next)
            {
                if (node.Value.Spec.Key != key) continue;
                idle.Remove(node);
                return node.Value;
            }
            return null;
        }
    }

    private void Return(SphinxDecoder decoder)
    {
        var released = new List<SphinxDecoder>();
        lock (gate)
        {
            if (disposed) released.Add(decoder);
            else idle.AddFirst(decoder);
            // The budget covers every loaded decoder; only idle ones can be let go, least recently used first.
            while (idle.Count > 0 && LoadedBytes - released.Sum(d => d.EstimatedBytes) > memoryBudget)
            {
                released.Add(idle.Last!.Value);
                idle.RemoveLast();
            }
        }
        foreach (var d in released) Release(d);
    }

    private void Release(SphinxDecoder decoder)
    {
        Interlocked.Add(ref loadedBytes, -decoder.EstimatedBytes);
        logger.LogInformation("Released the decoder for {Model}", decoder.Spec.Key);
        decoder.Dispose();
    }

    public void Dispose()
    {
        List<SphinxDecoder> all;
        lock (gate)
        {
            disposed = true;
            all = [.. idle];
            idle.Clear();
        }
        foreach (var d in all) Release(d);
        slots.Dispose();
    }
}

/// <summary>A pooled decoder lent out; disposing the lease gives it back.</summary>
public sealed class DecoderLease(SphinxDecoder decoder, Action<SphinxDecoder> giveBack) : IDisposable
{
    private int returned;

    public SphinxDecoder Decoder { get; } = decoder;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref returned, 1) == 0) giveBack(Decoder);
    }
}
