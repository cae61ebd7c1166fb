using Dashboard.Server.Storage;

namespace Dashboard.Server.Speech.Lexicon;

/// <summary>
/// Grapheme-to-phoneme for words missing from the CMU dictionary: espeak-ng (en-us voice) gives IPA,
/// <see cref="IpaToCmuPhones"/> maps it to the acoustic model's phones. All words go through one espeak-ng call.
/// </summary>
public sealed class EspeakGraphemeToPhoneme(SphinxOptions options)
{
    public async Task<IReadOnlyList<Pronunciation>> PronounceAsync(IReadOnlyCollection<string> words, string workFolder, CancellationToken ct)
    {
        if (words.Count == 0) return [];
        var ordered = words.ToList();
        var lines = await SpeakAsync(ordered, workFolder, ct);
        if (lines.Count != ordered.Count) // espeak-ng merged or split a line: ask word by word instead
        {
            lines = [];
            foreach (var word in ordered) lines.Add(string.Join(' ', await SpeakAsync([word], workFolder, ct)));
        }
        var result = new List<Pronunciation>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (IpaToCmuPhones.Convert(lines[i]) is { } phones) result.Add(new Pronunciation(ordered[i], phones));
        }
        return result;
    }

    private async Task<List<string>> SpeakAsync(IReadOnlyList<string> words, string workFolder, CancellationToken ct)
    {
        var input = Path.Combine(workFolder, $"g2p-{Guid.NewGuid():N}.txt");
        // A full stop after each word makes espeak-ng end a clause there, so it prints one line per word.
        await File.WriteAllLinesAsync(input, words.Select(w => w + "."), ct);
        try
        {
            var result = await ProcessRunner.RunAsync("espeak-ng", ["-v", "en-us", "-q", "--ipa", "-f", input],
                TimeSpan.FromSeconds(options.ToolTimeoutSeconds), ct);
            if (result.ExitCode != 0) throw new SpeechToolException($"espeak-ng could not produce pronunciations: {result.StandardError.Trim()}");
            return result.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        }
        finally
        {
            File.Delete(input);
        }
    }
}
