using Dashboard.Server.Speech.LanguageModel;

namespace Dashboard.Server.Speech.Keywords;

/// <summary>
/// A small bigram model of the request's terms, interpolated with the model's own language models: each word gets
/// unigram mass in proportion to its term's intensifier, and the words of a phrase follow each other.
/// </summary>
public static class KeywordLanguageModel
{
    private const double PhraseContinuation = 0.9;

    public static ArpaModel Build(IReadOnlyList<KeywordTerm> terms)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var word in term.Words) weights[word] = weights.GetValueOrDefault(word) + term.Intensifier;
        }
        var followers = terms.SelectMany(t => t.Words.Zip(t.Words.Skip(1))).Distinct().ToList();
        var contexts = followers.Select(f => f.First).ToHashSet(StringComparer.Ordinal);
        var endWeight = weights.Values.Average(); // a term ends an utterance as often as an average word occurs
        var total = weights.Values.Sum() + endWeight;

        var unigrams = new List<ArpaEntry>
        {
            new([ArpaModel.SentenceStart], -99, 0),
            new([ArpaModel.SentenceEnd], Math.Log10(endWeight / total), null),
        };
        unigrams.AddRange(weights.Select(w => new ArpaEntry([w.Key], Math.Log10(w.Value / total),
            contexts.Contains(w.Key) ? Math.Log10(1 - PhraseContinuation) : 0)));
        var bigrams = followers.GroupBy(f => f.First)
            .SelectMany(g => g.Select(f => new ArpaEntry([f.First, f.Second], Math.Log10(PhraseContinuation / g.Count()), null)))
            .ToList();
        return new ArpaModel(bigrams.Count == 0 ? [unigrams] : [unigrams, bigrams]);
    }
}
