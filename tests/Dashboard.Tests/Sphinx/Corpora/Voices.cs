using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>
/// Synthetic speakers for long recordings. Training voices (espeak-ng in several variants and paces, flite awb, rms,
/// kal16) never speak test files; test voices (flite slt, festival's HTS slt) never speak training files. A voice speaks
/// the words a typed transcript stands for (its normalized sentences, one by one), so "BP 140/90" is said as the
/// reference counts it.
/// </summary>
public sealed record Voice(string Name, Func<string, string, Task> Speak)
{
    public static readonly IReadOnlyList<Voice> Training =
    [
        Espeak("en-us", 150), Espeak("en-us+m3", 170), Espeak("en-us+f3", 140), Espeak("en-us+m7", 160), Espeak("en-us+f2", 180),
        Flite("awb"), Flite("rms"), Flite("kal16"),
    ];

    public static readonly IReadOnlyList<Voice> Test = [Flite("slt"), new("festival-hts-slt", FestivalHtsAsync)];

    /// <summary>What a speaker says for a typed transcript: its normalized sentences, each ended by a full stop.</summary>
    public static string SpokenText(string transcript) =>
        string.Join(' ', TranscriptNormalizer.NormalizeSentences(transcript).Select(s => s + "."));

    public Task SpeakAsync(string transcript, string wavPath) => Speak(SpokenText(transcript), wavPath);

    private static Voice Espeak(string voice, int wordsPerMinute) =>
        new($"espeak-{voice}-{wordsPerMinute}", (text, wav) => SpeechSynthesizer.RunAsync("espeak-ng", "-v", voice, "-s", wordsPerMinute.ToString(), "-w", wav, text));

    private static Voice Flite(string voice) =>
        new($"flite-{voice}", (text, wav) => SpeechSynthesizer.RunAsync("flite", "-voice", voice, "-t", text, "-o", wav));

    private static async Task FestivalHtsAsync(string text, string wav)
    {
        var input = wav + ".txt";
        await File.WriteAllTextAsync(input, text);
        try
        {
            await SpeechSynthesizer.RunAsync("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", wav, input);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
