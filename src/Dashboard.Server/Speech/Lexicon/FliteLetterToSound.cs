using System.ComponentModel;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Speech.Lexicon;

/// <summary>
/// A second grapheme-to-phoneme source: flite's letter-to-sound rules (its `t2p` tool), learned from the CMU dictionary.
/// It spells out letter strings ("copd" as C-O-P-D) where espeak-ng reads a word, and it often stresses and reduces
/// drug and brand names differently, so the two disagree exactly where speakers do too.
/// </summary>
public sealed class FliteLetterToSound(SphinxOptions options)
{
    public const string Tool = "t2p";

    /// <summary>Words per t2p call: the text is one command-line argument, which Linux caps at 128 KB.</summary>
    private const int BatchSize = 500;

    /// <summary>Pronunciations in the acoustic model's phone set; null when flite's t2p is not installed.</summary>
    public async Task<IReadOnlyList<Pronunciation>?> PronounceAsync(IReadOnlyCollection<string> words, CancellationToken ct)
    {
        var result = new List<Pronunciation>(words.Count);
        try
        {
            foreach (var batch in words.Chunk(BatchSize))
            {
                // A full stop after each word makes t2p pause there, so its output splits into one phone string per word.
                var groups = SplitAtPauses(await RunAsync(string.Join(' ', batch.Select(w => w + ".")), ct));
                if (groups.Count != batch.Length)
                {
                    groups = [];
                    foreach (var word in batch) groups.Add(string.Join(' ', SplitAtPauses(await RunAsync(word, ct))));
                }
                result.AddRange(batch.Zip(groups)
                    .Where(pair => pair.Second.Length > 0 && pair.Second.Split(' ').All(PronunciationDictionary.Phones.Contains))
                    .Select(pair => new Pronunciation(pair.First, pair.Second)));
            }
            return result;
        }
        catch (Win32Exception)
        {
            return null; // t2p is not installed: espeak-ng alone pronounces new words
        }
    }

    /// <summary>"pau m eh1 t f ao1 r m ih n pau" → ["M EH T F AO R M IH N"]: stress digits dropped, flite's schwa "ax" is AH.</summary>
    public static List<string> SplitAtPauses(string t2pOutput)
    {
        var (groups, current) = (new List<string>(), new List<string>());
        foreach (var phone in t2pOutput.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("pau"))
        {
            if (phone != "pau")
            {
                current.Add(ToCmuPhone(phone));
                continue;
            }
            if (current.Count > 0) groups.Add(string.Join(' ', current));
            current.Clear();
        }
        return groups;
    }

    private static string ToCmuPhone(string phone)
    {
        var bare = phone.TrimEnd('0', '1', '2').ToUpperInvariant();
        return bare == "AX" ? "AH" : bare;
    }

    private async Task<string> RunAsync(string text, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(Tool, [text], TimeSpan.FromSeconds(options.ToolTimeoutSeconds), ct);
        return result.ExitCode == 0 ? result.StandardOutput : "";
    }
}
