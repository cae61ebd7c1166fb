using System.Diagnostics;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Real audio made with ffmpeg and espeak-ng, cached per process in a temp folder.</summary>
public static class AudioFiles
{
    private static readonly string Folder = TestTemp.Folder("dashboard-audio-");
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>A tone of <paramref name="seconds"/> in a format by extension: wav, mp3, flac, m4a, aac, ogg.</summary>
    public static Task<string> ToneAsync(string extension, double seconds = 2, int sampleRate = 16000, string? bitRate = null) =>
        MakeAsync($"tone-{seconds}-{sampleRate}-{bitRate}.{extension}", path => Ffmpeg(
            ["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate={sampleRate}:duration={seconds}", .. BitRateArgs(bitRate), path]));

    /// <summary>Silence compressed with FLAC: many hours of audio in a few kilobytes, to test hour thresholds.</summary>
    public static Task<string> LongSilenceAsync(double hours) =>
        MakeAsync($"silence-{hours}h.flac", path => Ffmpeg(
            ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", (hours * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "flac", path]));

    /// <summary>A sentence spoken by espeak-ng, as a WAV file.</summary>
    public static Task<string> SpeechAsync(string text, string voice = "en-us") =>
        MakeAsync($"speech-{voice}-{(uint)text.GetHashCode():x8}.wav", path => Run("espeak-ng", ["-v", voice, "-w", path, text]));

    /// <summary>A file that is not audio at all (text with an audio extension).</summary>
    public static Task<string> NotAudioAsync() =>
        MakeAsync("not-audio.mp3", path => File.WriteAllTextAsync(path, "This is a text file pretending to be an MP3.\n"));

    /// <summary>A WAV whose data is cut off after the header: ffprobe cannot read it.</summary>
    public static async Task<string> TruncatedAsync()
    {
        var source = await ToneAsync("wav"); // outside MakeAsync: its gate is not reentrant
        return await MakeAsync("truncated.wav", async path => await File.WriteAllBytesAsync(path, (await File.ReadAllBytesAsync(source))[..20]));
    }

    public static async Task<string> TranscriptAsync(string text, string name = "transcript")
    {
        var path = Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static async Task<string> MakeAsync(string name, Func<string, Task> make)
    {
        var path = Path.Combine(Folder, name);
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(path)) await make(path);
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string[] BitRateArgs(string? bitRate) => bitRate is null ? [] : ["-b:a", bitRate];

    private static Task Ffmpeg(string[] args) => Run("ffmpeg", ["-v", "error", "-y", .. args]);

    public static async Task Run(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {await error}");
    }
}
