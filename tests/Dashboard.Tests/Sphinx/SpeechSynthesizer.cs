using System.Diagnostics;

namespace Dashboard.Tests.Sphinx;

/// <summary>Speaks sentences with espeak-ng in several voices and paces, so that a corpus is not one voice at one speed.</summary>
public static class SpeechSynthesizer
{
    public static readonly (string Voice, int WordsPerMinute)[] Speakers =
        [("en-us", 150), ("en-us+m3", 165), ("en-us+f3", 140), ("en-us+m7", 175), ("en-us+f2", 155)];

    /// <summary>Writes a WAV file (espeak-ng's 22.05 kHz mono) for <paramref name="text"/>.</summary>
    public static async Task SpeakAsync(string text, int speaker, string wavPath)
    {
        var (voice, pace) = Speakers[speaker % Speakers.Length];
        await RunAsync("espeak-ng", "-v", voice, "-s", pace.ToString(), "-w", wavPath, text);
    }

    /// <summary>Re-encodes audio with ffmpeg at 44.1 kHz, 128 kbps; the codec follows the extension (.mp3, .flac, .m4a, .aac, .ogg, .wav).</summary>
    public static Task EncodeAsync(string input, string output) =>
        RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", input, "-ar", "44100", "-b:a", "128k", output);

    public static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {await error}");
    }
}
