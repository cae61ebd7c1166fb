using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>Files that are not what they claim: made with ffmpeg or by cutting real audio, never mocked.</summary>
public static class HostileFiles
{
    private static readonly string Folder = TestTemp.Folder("dashboard-hostile-");

    /// <summary>
    /// Audio that must be refused as INVALID_AUDIO, with the name and type a client claims for it. Video is refused as
    /// training data only: transcription takes the sound of a video, as Deepgram does.
    /// </summary>
    public static async Task<IReadOnlyList<(string What, byte[] Bytes, string Name, string Type)>> BadAudioAsync(bool forTraining)
    {
        var wav = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("wav", seconds: 1));
        var mp3 = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("mp3", seconds: 1));
        var random = new byte[40_000];
        new Random(7).NextBytes(random);
        return
        [
            ("random bytes", random, "noise.wav", "audio/wav"),
            ("a WAV cut after its header", wav[..44], "cut.wav", "audio/wav"),
            ("a WAV cut to 20 bytes", wav[..20], "short.wav", "audio/wav"),
            ("an MP3 cut to its first frame header", mp3[..64], "cut.mp3", "audio/mpeg"),
            ("zero bytes", [], "empty.wav", "audio/wav"),
            ("text named .mp3", "This is a text file pretending to be an MP3.\n"u8.ToArray(), "song.mp3", "audio/mpeg"),
            ("a PNG image named .wav", await MakeAsync("image.png", ["-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1"]), "image.wav", "audio/wav"),
            ("a WAV header with no samples", wav[..(wav.AsSpan().IndexOf("data"u8) + 8)], "nosamples.wav", "audio/wav"),
            ("a WAV with its header zeroed", ZeroedHeader(wav), "zeroed.wav", "audio/wav"),
            .. forTraining
                ? [("a video with sound named .m4a", await MakeAsync("video.mp4", ["-f", "lavfi", "-i", "testsrc=size=64x64:rate=5:duration=1", "-f", "lavfi", "-i", "sine=duration=1", "-shortest"]), "video.m4a", "audio/mp4")]
                : Array.Empty<(string, byte[], string, string)>(),
        ];
    }

    /// <summary>Transcripts that must be refused as INVALID_TRANSCRIPT: not UTF-8 text, or no words.</summary>
    public static IReadOnlyList<(string What, byte[] Bytes)> BadTranscripts()
    {
        const string text = "the patient has atrial fibrillation, café crème";
        return
        [
            ("UTF-16 with a byte order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]),
            ("UTF-16 without a byte order mark", Encoding.Unicode.GetBytes(text)),
            ("UTF-16 big-endian", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]),
            ("Latin-1", Encoding.Latin1.GetBytes(text)),
            ("binary", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()),
            ("text with NUL bytes", Encoding.UTF8.GetBytes("the patient\0has\0atrial")),
            ("empty", []),
            ("only white space", "  \n\t \r\n"u8.ToArray()),
            ("only a byte order mark", Encoding.UTF8.GetPreamble()),
        ];
    }

    private static async Task<byte[]> MakeAsync(string name, string[] args)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path)) await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", .. args, path]);
        return await File.ReadAllBytesAsync(path);
    }

    private static byte[] ZeroedHeader(byte[] wav)
    {
        var copy = wav.ToArray();
        Array.Clear(copy, 0, 44);
        return copy;
    }
}
