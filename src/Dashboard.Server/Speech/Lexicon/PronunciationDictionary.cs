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

    private readonly Lazy<Dictionary<string, string>> entries = new(() => Read(options.DictionaryPath));

    public bool Contains(string word) => entries.Value.ContainsKey(word);

    public string? PhonesOf(string word) => entries.Value.GetValueOrDefault(word);

    public int Count => entries.Value.Count;

    /// <summary>First pronunciation of each word; "word(2)" variants are skipped.</summary>
    private static Dictionary<string, string> Read(string path)
    {
        var result = new Dictionary<string, string>(140_000, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || line[space - 1] == ')') continue;
            result.TryAdd(line[..space], line[(space + 1)..].Trim());
        }
        return result;
    }
}
