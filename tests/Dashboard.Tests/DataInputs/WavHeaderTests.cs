using Dashboard.Server.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.DataInputs;

/// <summary>
/// A PCM WAV upload is described from its header in process (no plaintext copy, no ffprobe run): it must say what
/// ffprobe says of the same file, and leave to ffprobe every file it cannot describe exactly.
/// </summary>
[Trait("Category", "unit")]
public sealed class WavHeaderTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("wav-");
    private readonly AudioProbe probe = new(Options.Create(new ToolOptions()));

    private async Task<string> WavAsync(string codec, int channels, int sampleRate, double seconds = 1.5)
    {
        var path = Path.Combine(folder, $"{codec}-{channels}-{sampleRate}.wav");
        await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate={sampleRate}:duration={seconds}",
            "-ac", channels.ToString(), "-c:a", codec, path]);
        return path;
    }

    private static AudioInfo? Describe(byte[] bytes) => WavHeader.Describe(bytes.AsSpan(0, Math.Min(bytes.Length, WavHeader.HeadBytes)), bytes.Length);

    [Theory]
    [InlineData("pcm_s16le", 1, 16000)]
    [InlineData("pcm_u8", 1, 8000)]
    [InlineData("pcm_s24le", 2, 44100)]
    [InlineData("pcm_s32le", 1, 22050)]
    [InlineData("pcm_f32le", 2, 48000)]
    [InlineData("pcm_f64le", 1, 16000)]
    [InlineData("pcm_s16le", 6, 48000)] // more than two channels: ffmpeg writes WAVE_FORMAT_EXTENSIBLE
    public async Task APcmWav_IsDescribedFromItsHeader_AsFfprobeDescribesIt(string codec, int channels, int sampleRate)
    {
        var path = await WavAsync(codec, channels, sampleRate);

        var described = Describe(await File.ReadAllBytesAsync(path));
        var probed = await probe.ProbeAsync(path, CancellationToken.None);

        Assert.NotNull(described);
        Assert.Equal(probed with { DurationSeconds = 0 }, described with { DurationSeconds = 0 });
        Assert.Equal(probed.DurationSeconds, described.DurationSeconds, 3);
        Assert.Equal(1.5, described.DurationSeconds, 3);
    }

    [Fact]
    public async Task AWavCutOffInItsData_OrClaimingLessDataThanItHolds_IsLeftToFfprobe()
    {
        var whole = await File.ReadAllBytesAsync(await WavAsync("pcm_s16le", 1, 16000));
        Assert.NotNull(Describe(whole));

        var cut = whole[..(whole.Length - 1000)];
        var claimsTenBytes = whole.ToArray();
        var dataSize = claimsTenBytes.AsSpan().IndexOf("data"u8) + 4;
        BitConverter.GetBytes(10).CopyTo(claimsTenBytes, dataSize);

        Assert.Null(Describe(cut));
        Assert.Null(Describe(claimsTenBytes));
        Assert.Null(Describe(whole[..44]));
    }

    [Fact]
    public async Task AnImplausiblyShortWav_IsRefusedFromItsHeader_AsFfprobeRefusesIt()
    {
        var path = await WavAsync("pcm_s16le", 1, 16000, seconds: 0.05);

        var described = Assert.Throws<AudioRejectedException>(() => Describe(File.ReadAllBytes(path)));
        var probed = await Assert.ThrowsAsync<AudioRejectedException>(() => probe.ProbeAsync(path, CancellationToken.None));

        Assert.Equal(probed.Message, described.Message);
    }

    [Theory]
    [InlineData("mp3")]
    [InlineData("flac")]
    [InlineData("ogg")]
    public async Task OtherFormats_AreLeftToFfprobe(string extension)
    {
        var bytes = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync(extension));

        Assert.Null(WavHeader.TryParse(bytes.AsSpan(0, Math.Min(bytes.Length, WavHeader.HeadBytes))));
    }

    [Fact]
    public async Task ACompressedWav_IsLeftToFfprobe()
    {
        var path = Path.Combine(folder, "adpcm.wav");
        await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1", "-c:a", "adpcm_ms", path]);

        Assert.Null(Describe(await File.ReadAllBytesAsync(path)));
        Assert.Equal("wav", (await probe.ProbeAsync(path, CancellationToken.None)).Format);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
