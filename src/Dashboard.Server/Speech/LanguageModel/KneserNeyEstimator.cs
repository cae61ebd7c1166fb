namespace Dashboard.Server.Speech.LanguageModel;

/// <summary>
/// Builds an interpolated modified Kneser-Ney n-gram model (Chen and Goodman) from sentences and writes it in back-off
/// (ARPA) form: for every context the stored probabilities plus back-off weight times the lower order sum to one.
/// Lower orders use continuation counts; the unigram level is interpolated with the uniform distribution, so every
/// vocabulary word (and &lt;unk&gt;) has a probability.
/// </summary>
public static class KneserNeyEstimator
{
    public static ArpaModel Estimate(IEnumerable<IReadOnlyList<string>> sentences, int order = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 2);
        var raw = NgramCounts.Count(sentences, order);
        var adjusted = Enumerable.Range(1, order).Select(n => n == order ? raw[n - 1] : ContinuationCounts(raw[n - 1], raw[n])).ToArray();
        var vocabulary = raw[0].Keys.Select(k => k.Words[0]).Where(w => w != ArpaModel.SentenceStart).Append(ArpaModel.Unknown).Distinct().ToList();

        var probabilities = new Dictionary<NgramKey, double>[order];
        var backoffs = new Dictionary<NgramKey, double>[order]; // gamma(h) for contexts h of order n, stored on the (n-1)-gram
        for (var n = 1; n <= order; n++)
        {
            var discounts = Discounts.From(adjusted[n - 1].Values);
            var contexts = ContextStatistics(adjusted[n - 1], discounts);
            probabilities[n - 1] = [];
            backoffs[n - 1] = contexts.ToDictionary(c => c.Key, c => c.Value.Gamma);
            var grams = n == 1 ? vocabulary.Select(w => new NgramKey([w])) : adjusted[n - 1].Keys;
            foreach (var gram in grams)
            {
                var count = adjusted[n - 1].GetValueOrDefault(gram);
                var context = contexts[gram.Prefix()];
                var lower = n == 1 ? 1.0 / vocabulary.Count : probabilities[n - 2][gram.Suffix()];
                probabilities[n - 1][gram] = Math.Max(count - discounts.For(count), 0) / context.Total + context.Gamma * lower;
            }
        }
        return ToArpa(probabilities, backoffs);
    }

    private static ArpaModel ToArpa(Dictionary<NgramKey, double>[] probabilities, Dictionary<NgramKey, double>[] backoffs)
    {
        var order = probabilities.Length;
        var result = new List<IReadOnlyList<ArpaEntry>>();
        for (var n = 1; n <= order; n++)
        {
            var entries = probabilities[n - 1].Select(p => new ArpaEntry(p.Key.Words, Math.Log10(p.Value), BackoffOf(p.Key, n))).ToList();
            if (n == 1) entries.Add(new ArpaEntry([ArpaModel.SentenceStart], -99, BackoffOf(new NgramKey([ArpaModel.SentenceStart]), 1)));
            result.Add(entries);
        }
        return new ArpaModel(result);

        double? BackoffOf(NgramKey gram, int n) =>
            n < order && backoffs[n].TryGetValue(gram, out var gamma) ? Math.Log10(Math.Max(gamma, 1e-99)) : null;
    }

    /// <summary>For each n-gram, the number of distinct words seen before it (raw counts for n-grams that start a sentence).</summary>
    private static Dictionary<NgramKey, int> ContinuationCounts(Dictionary<NgramKey, int> grams, Dictionary<NgramKey, int> longer)
    {
        var result = grams.Keys.Where(g => g.Words.Length > 1 && g.Words[0] == ArpaModel.SentenceStart).ToDictionary(g => g, g => grams[g]);
        foreach (var gram in longer.Keys) result[gram.Suffix()] = result.GetValueOrDefault(gram.Suffix()) + 1;
        return result;
    }

    private sealed record Context(double Total, double Gamma);

    private static Dictionary<NgramKey, Context> ContextStatistics(Dictionary<NgramKey, int> counts, Discounts discounts)
    {
        var groups = counts.GroupBy(c => c.Key.Prefix());
        return groups.ToDictionary(g => g.Key, g =>
        {
            double total = g.Sum(c => c.Value);
            var removed = g.Sum(c => discounts.For(c.Value));
            return new Context(total, removed / total);
        });
    }
}
