namespace Dashboard.Server.Speech.Lexicon;

/// <summary>Pronunciations made for words the CMU dictionary lacks, and the words none could be made for.</summary>
public sealed record NewWordPronunciations(IReadOnlyList<Pronunciation> Added, IReadOnlyList<string> Unpronounceable, bool FliteAvailable)
{
    public static readonly NewWordPronunciations None = new([], [], true);

    /// <summary>How many words got pronunciations (variants such as "word(2)" not counted).</summary>
    public int WordCount => Added.Count(p => !p.IsVariant);
}

/// <summary>
/// Pronounces words the CMU dictionary lacks with two grapheme-to-phoneme sources, espeak-ng
/// (<see cref="EspeakGraphemeToPhoneme"/>) and flite's letter-to-sound rules (<see cref="FliteLetterToSound"/>). Where
/// they disagree both are kept, the second as the variant "word(2)" the way the CMU dictionary lists alternatives: the
/// decoder then matches whichever a speaker says ("C-O-P-D" or "kopd", "OW-M-EH-P-R-AH-Z-OW-L" or "OW-M-P-R-AH-Z-OW-L").
/// </summary>
public sealed class NewWordPronouncer(PronunciationDictionary dictionary, EspeakGraphemeToPhoneme espeak, FliteLetterToSound flite)
{
    public async Task<NewWordPronunciations> PronounceAsync(IEnumerable<string> words, string workFolder, CancellationToken ct)
    {
        var missing = words.Where(w => !dictionary.Contains(w)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return NewWordPronunciations.None;
        var fromEspeak = await espeak.PronounceAsync(missing, workFolder, ct);
        var fromFlite = await flite.PronounceAsync(missing, ct);
        var phonesOf = missing.ToDictionary(w => w, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var p in fromEspeak.Concat(fromFlite ?? []).Where(p => p.Phones.Split(' ').All(PronunciationDictionary.Phones.Contains)))
        {
            if (!phonesOf[p.Word].Contains(p.Phones)) phonesOf[p.Word].Add(p.Phones);
        }
        var added = missing.SelectMany(w => phonesOf[w].Select((phones, i) => new Pronunciation(Pronunciation.VariantName(w, i), phones))).ToList();
        return new NewWordPronunciations(added, missing.Where(w => phonesOf[w].Count == 0).ToList(), fromFlite is not null);
    }
}
