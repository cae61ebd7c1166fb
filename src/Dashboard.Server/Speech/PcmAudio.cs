using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Speech;

/// <summary>Audio as the decoder reads it (16 kHz mono 16-bit samples) and what its probe found.</summary>
public sealed record DecodedAudio(short[] Samples, AudioInfo Info);

/// <summary>
/// Converts a client's audio to what the decoder reads: 16 kHz mono 16-bit little-endian PCM, with ffmpeg. ffmpeg only
/// ever decodes a file its probe accepted, with the probed demuxer forced, the file protocol only, and no more audio
/// than the probe measured (plus a margin), so a small file cannot make it read other files or decode for minutes.
/// </summary>
public static class PcmAudio
{
    /// <summary>Writes raw PCM (no header) to <paramref name="outputPath"/>; throws <see cref="AudioRejectedException"/> if ffmpeg cannot decode the input.</summary>
    /// <param name="demuxer">The demuxer the probe identified (<see cref="AudioInfo.Demuxer"/>).</param>
    /// <param name="probedSeconds">The duration the probe measured.</param>
    public static async Task ConvertAsync(string inputPath, string demuxer, double probedSeconds, string outputPath, TimeSpan timeout, CancellationToken ct)
    {
        var limit = probedSeconds * 1.5 + 5;
        var result = await ProcessRunner.RunAsync("ffmpeg",
            ["-nostdin", "-y", .. FfmpegArguments("file", ["-f", demuxer], ToolMessages.Input(inputPath),
                ["-t", limit.ToString("0.###", CultureInfo.InvariantCulture), outputPath])],
            timeout, ct);
        if (result.ExitCode != 0 || !File.Exists(outputPath))
            throw new AudioRejectedException($"could not be decoded as audio ({ToolMessages.Reason(result.StandardError, last: true) ?? "ffmpeg failed"}).");
        if (new FileInfo(outputPath).Length / 2.0 / SphinxDecoder.SampleRate >= limit - 0.01)
            throw new AudioRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"holds more audio than its header declares ({probedSeconds:0.#} seconds); it is damaged or not what it claims."));
    }

    /// <summary>
    /// ffmpeg's arguments to decode <paramref name="input"/> to what the decoder reads (16 kHz mono s16le), for files and
    /// live streams alike: the input is read through <paramref name="protocol"/> only, so it can never name another
    /// file or a network address. <paramref name="output"/> ends with where the samples go.
    /// </summary>
    public static string[] FfmpegArguments(string protocol, IEnumerable<string> inputFormat, string input, IEnumerable<string> output) =>
        ["-v", "error", "-protocol_whitelist", protocol, .. inputFormat, "-i", input,
         "-vn", "-ac", "1", "-ar", SphinxDecoder.SampleRate.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "-acodec", "pcm_s16le", .. output];

    /// <summary>What a WAV file of <paramref name="seconds"/> of decoder audio is, as the probe would describe it.</summary>
    public static AudioInfo DecoderWav(double seconds) =>
        new("wav", "pcm_s16le", seconds, SphinxDecoder.SampleRate, 1, SphinxDecoder.SampleRate * 16L);

    public static async Task<short[]> ReadAsync(string rawPath, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(rawPath, ct);
        return MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, bytes.Length & ~1)).ToArray();
    }

    /// <summary>
    /// 16 kHz mono samples of a client's file: read directly if it is such a WAV file already (no tool runs), else
    /// probed for <paramref name="use"/> and converted by ffmpeg. Either way implausibly short audio is refused.
    /// </summary>
    /// <param name="maxSeconds">Longer audio is refused before it is decoded (it would all be read into memory).</param>
    public static async Task<DecodedAudio> ConvertAndReadAsync(AudioProbe probe, string inputPath, AudioUse use, string workFolder, TimeSpan timeout, CancellationToken ct,
        double maxSeconds = double.PositiveInfinity)
    {
        if (WavePcmReader.TryRead(inputPath, out var samples))
        {
            var seconds = samples.Length / (double)SphinxDecoder.SampleRate;
            AudioPlausibility.Check(seconds, samples.LongLength * 2, new FileInfo(inputPath).Length);
            AudioPlausibility.CheckLength(seconds, maxSeconds);
            return new DecodedAudio(samples, DecoderWav(seconds));
        }
        var info = await probe.ProbeAsync(inputPath, use, ct);
        AudioPlausibility.CheckLength(info.DurationSeconds, maxSeconds);
        var raw = Path.Combine(workFolder, $"{Guid.NewGuid():N}.pcm");
        try
        {
            await ConvertAsync(inputPath, info.Demuxer, info.DurationSeconds, raw, timeout, ct);
            return new DecodedAudio(await ReadAsync(raw, ct), info);
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
