using System.Runtime.InteropServices;
using Dashboard.Server.Data;

namespace Dashboard.Server.Speech;

/// <summary>Converts any accepted audio file to what the decoder reads: 16 kHz mono 16-bit little-endian PCM, with ffmpeg.</summary>
public static class PcmAudio
{
    /// <summary>Writes raw PCM (no header) to <paramref name="outputPath"/>; throws <see cref="AudioRejectedException"/> if ffmpeg cannot decode the input.</summary>
    public static async Task ConvertAsync(string inputPath, string outputPath, TimeSpan timeout, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg",
            ["-nostdin", "-v", "error", "-y", "-i", inputPath, "-vn", "-ac", "1", "-ar", SphinxDecoder.SampleRate.ToString(), "-f", "s16le", "-acodec", "pcm_s16le", outputPath],
            timeout, ct);
        if (result.ExitCode != 0 || !File.Exists(outputPath))
        {
            var reason = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            throw new AudioRejectedException($"could not be decoded as audio ({reason ?? "ffmpeg failed"}).");
        }
    }

    public static async Task<short[]> ReadAsync(string rawPath, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(rawPath, ct);
        return MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, bytes.Length & ~1)).ToArray();
    }

    /// <summary>16 kHz mono PCM samples of any audio file: read directly if it is such a WAV file already, else converted by ffmpeg.</summary>
    public static async Task<short[]> ConvertAndReadAsync(string inputPath, string workFolder, TimeSpan timeout, CancellationToken ct)
    {
        if (WavePcmReader.TryRead(inputPath, out var samples)) return samples;
        var raw = Path.Combine(workFolder, $"{Guid.NewGuid():N}.pcm");
        try
        {
            await ConvertAsync(inputPath, raw, timeout, ct);
            return await ReadAsync(raw, ct);
        }
        finally
        {
            File.Delete(raw);
        }
    }
}
