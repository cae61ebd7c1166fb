namespace Dashboard.Server.Speech.Lexicon;

/// <summary>
/// Pronunciations a vocabulary adds to the CMU dictionary (new words, and further variants of known ones), and the new
/// words none could be made for.
/// </summary>
public sealed record VocabularyPronunciations(IReadOnlyList<Pronunciation> Added, IReadOnlyList<string> Unpronounceable, bool FliteAvailable)
{
    public static readonly VocabularyPronunciations None = new([], [], true);

    /// <summary>How many words the CMU dictionary lacks got pronunciations (variants such as "word(2)" not counted).</summary>
    public int WordCount => Added.Count(p => !p.IsVariant);
}

/// <summary>
/// Pronounces a vocabulary with two grapheme-to-phoneme sources, espeak-ng (<see cref="EspeakGraphemeToPhoneme"/>) and
/// flite's letter-to-sound rules and lexicon (<see cref="FliteLetterToSound"/>). A word the CMU dictionary lacks gets
/// both where they disagree, the second as the variant "word(2)" the way the CMU dictionary lists alternatives, so the
/// decoder matches whichever a speaker says ("C-O-P-D" or "kopd"). A word the CMU dictionary has keeps its entries and
/// gains flite's as a further variant when that differs from all of them (abbreviations: "mg" as EH M JH IY beside
/// the dictionary's EH M G IY, "ct" spelled out beside "court").
/// </summary>
public sealed class VocabularyPronouncer(PronunciationDictionary dictionary, EspeakGraphemeToPhoneme espeak, FliteLetterToSound flite)
{
    public async Task<VocabularyPronunciations> PronounceAsync(IEnumerable<string> words, string workFolder, CancellationToken ct)
    {
        var vocabulary = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (vocabulary.Count == 0) return VocabularyPronunciations.None;
        var missing = vocabulary.Where(w => !dictionary.Contains(w)).ToList();
        var fromEspeak = await espeak.PronounceAsync(missing, workFolder, ct);
        var fromFlite = await flite.PronounceAsync(vocabulary, ct);
        var phonesOf = vocabulary.ToDictionary(w => w, w => dictionary.PronunciationsOf(w).ToList(), StringComparer.Ordinal);
        foreach (var p in fromEspeak.Concat(fromFlite ?? []).Where(p => p.Phones.Split(' ').All(PronunciationDictionary.Phones.Contains)))
        {
            if (!phonesOf[p.Word].Contains(p.Phones)) phonesOf[p.Word].Add(p.Phones);
        }
        var added = vocabulary.SelectMany(w => phonesOf[w].Select((phones, i) => (w, phones, i)).Skip(dictionary.PronunciationsOf(w).Count))
            .Select(e => new Pronunciation(Pronunciation.VariantName(e.w, e.i), e.phones)).ToList();
        return new VocabularyPronunciations(added, missing.Where(w => phonesOf[w].Count == 0).ToList(), fromFlite is not null);
    }
}
