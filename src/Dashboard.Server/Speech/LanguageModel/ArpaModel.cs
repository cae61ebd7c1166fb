using System.Globalization;
using System.Text;

namespace Dashboard.Server.Speech.LanguageModel;

/// <summary>One ARPA entry: an n-gram, its log10 probability, and its log10 back-off weight (null when it is never a context).</summary>
public sealed record ArpaEntry(string[] Words, double LogProbability, double? LogBackoff);

/// <summary>
/// A back-off n-gram model in ARPA form: what the <see cref="KneserNeyEstimator"/> produces, what PocketSphinx and
/// sphinx_lm_convert read. Can score a word in a context by the standard back-off rule (used to verify the model).
/// </summary>
public sealed class ArpaModel
{
    public const string SentenceStart = "<s>";
    public const string SentenceEnd = "</s>";
    public const string Unknown = "<unk>";

    private readonly Dictionary<string, ArpaEntry>[] byOrder;

    public ArpaModel(IReadOnlyList<IReadOnlyList<ArpaEntry>> entriesByOrder)
    {
        byOrder = entriesByOrder.Select(entries => entries.ToDictionary(e => Key(e.Words), StringComparer.Ordinal)).ToArray();
    }

    public int Order => byOrder.Length;

    public IReadOnlyCollection<ArpaEntry> EntriesOf(int order) => byOrder[order - 1].Values;

    public IEnumerable<string> Vocabulary => byOrder[0].Keys;

    public ArpaEntry? Find(IReadOnlyList<string> words) =>
        words.Count is > 0 && words.Count <= Order ? byOrder[words.Count - 1].GetValueOrDefault(Key(words)) : null;

    /// <summary>log10 P(word | history) by back-off: the longest known n-gram, plus the back-off weights of the contexts skipped.</summary>
    public double LogProbability(string word, IReadOnlyList<string> history)
    {
        var context = history.Skip(Math.Max(0, history.Count - (Order - 1))).ToList();
        double backoff = 0;
        while (true)
        {
            if (Find([.. context, word]) is { } entry) return backoff + entry.LogProbability;
            if (context.Count == 0) return double.NegativeInfinity;
            backoff += Find(context)?.LogBackoff ?? 0;
            context.RemoveAt(0);
        }
    }

    public void Write(TextWriter writer)
    {
        writer.WriteLine(@"\data\");
        for (var n = 1; n <= Order; n++) writer.WriteLine($"ngram {n}={byOrder[n - 1].Count}");
        for (var n = 1; n <= Order; n++)
        {
            writer.WriteLine();
            writer.WriteLine($@"\{n}-grams:");
            foreach (var e in byOrder[n - 1].Values.OrderBy(e => Key(e.Words), StringComparer.Ordinal))
            {
                var line = new StringBuilder().Append(Format(e.LogProbability)).Append('\t').Append(Key(e.Words));
                if (e.LogBackoff is { } bow) line.Append('\t').Append(Format(bow));
                writer.WriteLine(line);
            }
        }
        writer.WriteLine();
        writer.WriteLine(@"\end\");
    }

    public static ArpaModel Parse(TextReader reader)
    {
        var orders = new List<List<ArpaEntry>>();
        List<ArpaEntry>? current = null;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("ngram ", StringComparison.Ordinal) || line == @"\data\") continue;
            if (line == @"\end\") break;
            if (line.StartsWith('\\') && line.EndsWith("-grams:", StringComparison.Ordinal))
            {
                orders.Add(current = []);
                continue;
            }
            if (current is null) throw new FormatException($"ARPA line outside a section: {line}");
            var fields = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            var n = orders.Count;
            if (fields.Length != n + 1 && fields.Length != n + 2) throw new FormatException($"Malformed {n}-gram line: {line}");
            double? bow = fields.Length == n + 2 ? double.Parse(fields[^1], CultureInfo.InvariantCulture) : null;
            current.Add(new ArpaEntry(fields[1..(n + 1)], double.Parse(fields[0], CultureInfo.InvariantCulture), bow));
        }
        return new ArpaModel(orders);
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words);

    private static string Format(double log10) => log10.ToString("0.0000000", CultureInfo.InvariantCulture);
}
