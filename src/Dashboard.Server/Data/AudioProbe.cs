using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data;

public sealed record AudioInfo(string Format, string Codec, double DurationSeconds, int SampleRate, int Channels, long BitRate);

/// <summary>Why a file is not accepted as audio, in words a user can act on.</summary>
public sealed class AudioRejectedException(string problem) : Exception(problem);

/// <summary>Identifies audio by its content with ffprobe: the file name and declared type are never trusted.</summary>
public sealed class AudioProbe(IOptions<ToolOptions> options)
{
    public const string AcceptedFormats = "MP3, WAV, FLAC, M4A, AAC or OGG";
    private static readonly string[] LossyFormats = ["mp3", "m4a", "aac", "ogg"];

    public async Task<AudioInfo> ProbeAsync(string path, CancellationToken ct)
    {
        var limits = options.Value;
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", path],
                TimeSpan.FromSeconds(limits.ProbeTimeoutSeconds), ct, limits.MemoryLimitBytes);
        }
        catch (TimeoutException)
        {
            throw new AudioRejectedException($"could not be read within {limits.ProbeTimeoutSeconds:0.###} seconds; it may be corrupt.");
        }
        if (result.ExitCode != 0)
            throw new AudioRejectedException($"is not a readable audio file ({FirstLine(result.StandardError.Replace(path + ": ", "", StringComparison.Ordinal))})."); // never show our staging path
        using var json = Parse(result.StandardOutput);
        var root = json.RootElement;
        if (!root.TryGetProperty("format", out var format))
            throw new AudioRejectedException("is not a readable audio file.");
        var container = format.GetProperty("format_name").GetString() ?? "";
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");
        if (audio.ValueKind == JsonValueKind.Undefined)
            throw new AudioRejectedException("contains no audio stream.");
        if (streams.Any(x => Text(x, "codec_type") == "video" && !IsCoverArt(x)))
            throw new AudioRejectedException($"is a video file; upload audio only ({AcceptedFormats}).");
        var name = FormatOf(container) ?? throw new AudioRejectedException(
            $"is in the '{container}' format, which is not accepted; use {AcceptedFormats}.");
        var duration = Number(format, "duration") ?? Number(audio, "duration") ?? 0;
        if (duration <= 0) throw new AudioRejectedException("has no measurable duration; it may be empty or truncated.");
        var bitRate = (long)(Number(audio, "bit_rate") ?? Number(format, "bit_rate") ?? 0);
        return new AudioInfo(name, Text(audio, "codec_name") ?? "unknown", duration,
            (int)(Number(audio, "sample_rate") ?? 0), (int)(Number(audio, "channels") ?? 0), bitRate);
    }

    /// <summary>Quality hints from the seed's guidelines: below them a file is accepted but flagged.</summary>
    public static IReadOnlyList<string> WarningsFor(AudioInfo info)
    {
        var warnings = new List<string>();
        if (info.SampleRate is > 0 and < 16000)
            warnings.Add($"Sample rate is {info.SampleRate / 1000.0:0.#} kHz; 16 kHz or higher is recommended.");
        if (LossyFormats.Contains(info.Format) && info.BitRate is > 0 and < 128_000)
            warnings.Add($"Bit rate is {info.BitRate / 1000} kbps; 128 kbps or higher is recommended.");
        return warnings;
    }

    private static string? FormatOf(string container) => container switch
    {
        "mp3" => "mp3",
        "wav" => "wav",
        "flac" => "flac",
        "aac" => "aac",
        "ogg" => "ogg",
        _ when container.Contains("m4a", StringComparison.Ordinal) => "m4a",
        _ => null,
    };

    private static JsonDocument Parse(string output)
    {
        try
        {
            return JsonDocument.Parse(output);
        }
        catch (JsonException)
        {
            throw new AudioRejectedException("is not a readable audio file.");
        }
    }

    private static bool IsCoverArt(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes most numbers as strings ("44100") but some as numbers (channels).</summary>
    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "ffprobe could not read it" : line.Replace("staging/", "", StringComparison.Ordinal);
    }
}
