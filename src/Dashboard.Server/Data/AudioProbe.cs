using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data;

/// <param name="Format">Our name of the container (mp3, wav, flac, m4a, aac, ogg; webm for transcription only).</param>
public sealed record AudioInfo(string Format, string Codec, double DurationSeconds, int SampleRate, int Channels, long BitRate)
{
    /// <summary>The ffmpeg demuxer the probe identified: decoding forces it rather than guessing from the bytes again.</summary>
    public string Demuxer { get; init; } = Format;

    /// <summary>The file also holds video (accepted for transcription, which takes its sound).</summary>
    public bool HasVideo { get; init; }

    /// <summary>A format a data upload may have: what a retained transcription request can become.</summary>
    public bool IsUploadFormat => !HasVideo && AudioContainers.IsUploadFormat(Format);
}

/// <summary>Why a file is not accepted as audio, in words a user can act on.</summary>
public sealed class AudioRejectedException(string problem) : Exception(problem);

/// <summary>
/// Identifies audio by its content with ffprobe: the file name and declared type are never trusted. Only the accepted
/// containers may open the file (<see cref="AudioContainers"/>) and only as a local file, so a playlist or a list of
/// other files is refused before anything it names is read.
/// </summary>
public sealed partial class AudioProbe(IOptions<ToolOptions> options)
{
    private static readonly string[] LossyFormats = ["mp3", "m4a", "aac", "ogg"];

    /// <summary>Probes a data upload (audio only).</summary>
    public Task<AudioInfo> ProbeAsync(string path, CancellationToken ct) => ProbeAsync(path, AudioUse.TrainingData, ct);

    public async Task<AudioInfo> ProbeAsync(string path, AudioUse use, CancellationToken ct)
    {
        var limits = options.Value;
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("ffprobe",
                ["-v", "error", "-protocol_whitelist", "file", "-format_whitelist", AudioContainers.Whitelist(use),
                 "-show_format", "-show_streams", "-of", "json", ToolMessages.Input(path)],
                TimeSpan.FromSeconds(limits.ProbeTimeoutSeconds), ct, limits.MemoryLimitBytes);
        }
        catch (TimeoutException)
        {
            throw new AudioRejectedException($"could not be read within {limits.ProbeTimeoutSeconds:0.###} seconds; it may be corrupt.");
        }
        if (NotOnWhitelist().Match(result.StandardError) is { Success: true } refused)
            throw new AudioRejectedException($"is in the '{refused.Groups[1].Value}' format, which is not accepted; use {AudioContainers.Names(use)} " +
                "(playlists and files that refer to other files never are).");
        if (result.ExitCode != 0)
            throw new AudioRejectedException($"is not a readable audio file ({ToolMessages.Reason(result.StandardError) ?? "ffprobe could not read it"}).");
        using var json = Parse(result.StandardOutput);
        return Describe(json.RootElement, use, new FileInfo(path).Length);
    }

    private static AudioInfo Describe(JsonElement root, AudioUse use, long fileBytes)
    {
        if (!root.TryGetProperty("format", out var format))
            throw new AudioRejectedException("is not a readable audio file.");
        var formatName = format.GetProperty("format_name").GetString() ?? "";
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");
        if (audio.ValueKind == JsonValueKind.Undefined)
            throw new AudioRejectedException("contains no audio stream.");
        var hasVideo = streams.Any(x => Text(x, "codec_type") == "video" && !IsCoverArt(x));
        if (hasVideo && use == AudioUse.TrainingData)
            throw new AudioRejectedException($"is a video file; upload audio only ({AudioContainers.Names(AudioUse.TrainingData)}).");
        var container = AudioContainers.Find(formatName, use) ?? throw new AudioRejectedException(
            $"is in the '{formatName}' format, which is not accepted; use {AudioContainers.Names(use)}.");
        var duration = Number(format, "duration") ?? Number(audio, "duration") ?? 0;
        if (duration <= 0) throw new AudioRejectedException("has no measurable duration; it may be empty or truncated.");
        var codec = Text(audio, "codec_name") ?? "unknown";
        var bitRate = (long)(Number(audio, "bit_rate") ?? Number(format, "bit_rate") ?? 0);
        var pcmBytes = codec.StartsWith("pcm_", StringComparison.Ordinal) && Number(audio, "bit_rate") is { } pcmRate ? (long)(duration * pcmRate / 8) : (long?)null;
        AudioPlausibility.Check(duration, pcmBytes, fileBytes);
        return new AudioInfo(container.Format, codec, duration, (int)(Number(audio, "sample_rate") ?? 0), (int)(Number(audio, "channels") ?? 0), bitRate)
        {
            Demuxer = container.Demuxer,
            HasVideo = hasVideo,
        };
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

    [GeneratedRegex(@"\[(\w+) @ 0x[0-9a-f]+\] Format not on whitelist")]
    private static partial Regex NotOnWhitelist();
}
