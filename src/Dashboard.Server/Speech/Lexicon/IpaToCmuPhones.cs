namespace Dashboard.Server.Speech.Lexicon;

/// <summary>Maps espeak-ng's IPA output (en-us voice) to the CMU phone set of the en-us acoustic model.</summary>
public static class IpaToCmuPhones
{
    /// <summary>Longest symbols first, so that diphthongs and affricates win over their parts.</summary>
    private static readonly (string Ipa, string Cmu)[] Table = new (string, string)[]
    {
        ("ɜːɹ", "ER"), ("ɚɹ", "ER"), ("ɝɹ", "ER"), ("ɑːɹ", "AA R"), ("ɔːɹ", "AO R"), ("oːɹ", "AO R"), ("ɪɹ", "IH R"), ("ɛɹ", "EH R"), ("ʊɹ", "UH R"), ("aɪɚ", "AY ER"), ("aʊɚ", "AW ER"),
        ("aɪ", "AY"), ("aʊ", "AW"), ("eɪ", "EY"), ("oʊ", "OW"), ("əʊ", "OW"), ("ɔɪ", "OY"), ("tʃ", "CH"), ("dʒ", "JH"),
        ("iː", "IY"), ("uː", "UW"), ("ɑː", "AA"), ("ɔː", "AO"), ("ɜː", "ER"), ("oː", "OW"), ("n̩", "AH N"), ("l̩", "AH L"), ("m̩", "AH M"),
        ("ɚ", "ER"), ("ɝ", "ER"), ("ɜ", "ER"), ("ɑ", "AA"), ("ɒ", "AA"), ("a", "AE"), ("æ", "AE"), ("ʌ", "AH"), ("ə", "AH"), ("ɐ", "AH"),
        ("ɔ", "AO"), ("o", "OW"), ("ɛ", "EH"), ("e", "EH"), ("ɪ", "IH"), ("ᵻ", "IH"), ("ɨ", "IH"), ("i", "IY"), ("ʊ", "UH"), ("u", "UW"),
        ("b", "B"), ("d", "D"), ("ð", "DH"), ("f", "F"), ("ɡ", "G"), ("g", "G"), ("h", "HH"), ("j", "Y"), ("k", "K"), ("l", "L"), ("ɫ", "L"),
        ("m", "M"), ("n", "N"), ("ŋ", "NG"), ("p", "P"), ("ɹ", "R"), ("r", "R"), ("ɾ", "T"), ("ʔ", "T"), ("s", "S"), ("ʃ", "SH"), ("t", "T"),
        ("θ", "TH"), ("v", "V"), ("w", "W"), ("ʍ", "W"), ("z", "Z"), ("ʒ", "ZH"), ("x", "K"), ("ç", "HH"), ("ɬ", "L"), ("y", "UW"),
    }.OrderByDescending(e => e.Item1.Length).ToArray();

    /// <summary>Marks that carry no phone: stress, length on its own, syllable breaks, ties, joiners.</summary>
    private const string Ignored = "ˈˌː.‍‌͡ ̃ʲ-_'";

    /// <summary>CMU phones for one word's IPA, or null if nothing could be mapped.</summary>
    public static string? Convert(string ipa)
    {
        var phones = new List<string>();
        var i = 0;
        while (i < ipa.Length)
        {
            if (Ignored.Contains(ipa[i], StringComparison.Ordinal) || char.IsWhiteSpace(ipa[i]))
            {
                i++;
                continue;
            }
            var match = Table.FirstOrDefault(e => string.CompareOrdinal(ipa, i, e.Ipa, 0, e.Ipa.Length) == 0);
            if (match.Ipa is null)
            {
                i++; // an unknown symbol (a rare diacritic): skip it rather than fail the word
                continue;
            }
            phones.AddRange(match.Cmu.Split(' '));
            i += match.Ipa.Length;
        }
        // espeak-ng sometimes doubles a consonant across a syllable break ("ɑːɹɹ"); a phone is never repeated in CMU entries.
        var collapsed = phones.Where((p, k) => k == 0 || p != phones[k - 1]).ToList();
        return collapsed.Count == 0 ? null : string.Join(' ', collapsed);
    }
}
