using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// A few kilobytes of FLAC can hold hours of silence: decoded, that is gigabytes of samples in memory. A transcription
/// request longer than Tools:MaxTranscriptionHours is refused from its probe, before ffmpeg decodes anything.
/// </summary>
[Trait("Category", "api")]
public sealed class LongAudioTests(LongAudioTests.ShortLimitFactory factory) : IClassFixture<LongAudioTests.ShortLimitFactory>
{
    public sealed class ShortLimitFactory : HardeningFactory
    {
        protected override IReadOnlyDictionary<string, string?> Overrides =>
            new Dictionary<string, string?>(base.Overrides) { ["Tools:MaxTranscriptionHours"] = "0.01" };
    }

    [Theory]
    [InlineData("POST /api/v3/stt")]
    [InlineData("POST /v1/listen")]
    public async Task ASmallFileHoldingMoreAudioThanTheLimit_IsRefusedAsInvalidAudio(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        var flac = await File.ReadAllBytesAsync(await AudioFiles.LongSilenceAsync(hours: 0.02));
        using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = flac, AudioName = "long.flac", AudioType = "audio/flac" });

        var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with 72 s of audio (limit 36 s)");

        Assert.True(flac.Length < 200_000, $"{flac.Length} bytes");
        Assert.Equal("INVALID_AUDIO", (string?)error["error_code"]);
        Assert.Contains("at most 0.01 hours", (string?)error["message"], StringComparison.Ordinal);
    }
}
