namespace Dashboard.Server.Speech.Lexicon;

/// <summary>The stock CMU pronunciation dictionary (word → phones), read once and shared; lookups are thread-safe.</summary>
public sealed class PronunciationDictionary(SphinxOptions options)
{
    /// <summary>The phone set of the en-us acoustic model (the CMU set without stress marks).</summary>
    public static readonly IReadOnlySet<string> Phones = new HashSet<string>(
    [
        "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K",
        "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    ]);

    private readonly Lazy<Dictionary<string, List<string>>> entries = new(() => Read(options.DictionaryPath));

    public bool Contains(string word) => entries.Value.ContainsKey(word);

    /// <summary>The word's first pronunciation.</summary>
    public string? PhonesOf(string word) => entries.Value.GetValueOrDefault(word)?[0];

    /// <summary>All of the word's pronunciations, "word(2)" and further variants included; empty when the word is missing.</summary>
    public IReadOnlyList<string> PronunciationsOf(string word) => entries.Value.GetValueOrDefault(word) ?? [];

    public int Count => entries.Value.Count;

    private static Dictionary<string, List<string>> Read(string path)
    {
        var result = new Dictionary<string, List<string>>(140_000, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0) continue;
            var name = line[..space];
            var paren = name.IndexOf('(', StringComparison.Ordinal);
            var word = paren > 0 ? name[..paren] : name;
            var phones = line[(space + 1)..].Trim();
            if (result.TryGetValue(word, out var known)) known.Add(phones);
            else result[word] = [phones];
        }
        return result;
    }
}
