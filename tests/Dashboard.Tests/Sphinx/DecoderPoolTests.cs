using Dashboard.Server.Training.Sphinx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using Dashboard.Server.Speech;

namespace Dashboard.Tests.Sphinx;

[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class DecoderPoolTests
{
    private static DecoderPool Pool(int slots, int megabytes) =>
        new(Options.Create(new SphinxOptions { MaxConcurrentDecodes = slots, MaxDecoderMemoryMegabytes = megabytes }), NullLogger<DecoderPool>.Instance);

    [Fact]
    public async Task WarmDecoders_AreReused_ForTheSameModel()
    {
        using var pool = Pool(2, 1024);
        var loads = 0;
        Task<SphinxDecoder> Load(CancellationToken _) { Interlocked.Increment(ref loads); return Task.FromResult(new SphinxDecoder(new SphinxOptions(), RecognizerSpec.Stock("general"))); }
        var silence = new short[8000];
        for (var i = 0; i < 3; i++) await pool.RecognizeAsync("general", Load, silence, CancellationToken.None);
        Assert.Equal(1, loads);
        Assert.Equal(1, pool.IdleCount);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => pool.RecognizeAsync("general", Load, silence, CancellationToken.None)));
        Assert.InRange(loads, 1, 2); // never more decoders than decode slots
    }

    [Fact]
    public async Task IdleDecoders_AreReleased_WhenTheMemoryBudgetIsExceeded()
    {
        using var pool = Pool(1, 150); // room for one stock decoder (~110 MB), not two
        Task<SphinxDecoder> Load(CancellationToken _) => Task.FromResult(new SphinxDecoder(new SphinxOptions(), RecognizerSpec.Stock("general")));
        var silence = new short[8000];
        await pool.RecognizeAsync("general", Load, silence, CancellationToken.None);
        await pool.RecognizeAsync("medical", Load, silence, CancellationToken.None);
        Assert.Equal(1, pool.IdleCount);
        Assert.True(pool.LoadedBytes <= 150L * 1024 * 1024);
    }
}
