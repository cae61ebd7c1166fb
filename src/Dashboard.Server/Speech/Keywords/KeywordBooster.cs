using Dashboard.Server.Speech.Lexicon;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Speech.Keywords;

/// <summary>
/// Boosts a request's terms without retraining: words the dictionaries lack get pronunciations (<see cref="VocabularyPronouncer"/>), and a
/// <see cref="KeywordLanguageModel"/> of the terms joins the recognizer's language models at a weight set by the
/// intensifier. The decoder for a model + term set is cached in the <see cref="DecoderPool"/> under its own key.
/// </summary>
public sealed class KeywordBooster(VocabularyPronouncer pronouncer, IOptions<SphinxOptions> options)
{
    public static string DecoderKey(string modelKey, KeywordBoost boost) => boost.IsEmpty ? modelKey : $"{modelKey}|keywords:{boost.CacheKey}";

    /// <summary><paramref name="spec"/> with the terms added; the model file is written to <paramref name="workFolder"/>.</summary>
    public async Task<RecognizerSpec> ApplyAsync(RecognizerSpec spec, KeywordBoost boost, string workFolder, CancellationToken ct)
    {
        if (boost.IsEmpty) return spec;
        var known = spec.ExtraPronunciations.Select(p => p.Word).ToHashSet(StringComparer.Ordinal);
        var words = boost.Terms.SelectMany(t => t.Words).Where(w => !known.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        var (pronounced, unpronounceable, _) = await pronouncer.PronounceAsync(words, workFolder, ct);
        var added = pronounced.Where(p => !known.Contains(p.Word)).ToList(); // a variant the model already added stays as it is
        var terms = boost.Terms.Where(t => !t.Words.Any(unpronounceable.Contains)).ToList(); // a word without phones cannot be recognized
        if (terms.Count == 0) return spec with { Key = DecoderKey(spec.Key, boost) };
        var path = Path.Combine(workFolder, $"keywords-{boost.CacheKey}.arpa");
        await using (var writer = new StreamWriter(path)) KeywordLanguageModel.Build(terms).Write(writer);
        return spec with
        {
            Key = DecoderKey(spec.Key, boost),
            ExtraPronunciations = [.. spec.ExtraPronunciations, .. added],
            AddedLanguageModels = [.. spec.AddedLanguageModels, new WeightedLanguageModel(path, WeightOf(boost))],
        };
    }

    /// <summary>The strongest intensifier sets the weight; 1 gives <see cref="SphinxOptions.KeywordWeight"/>.</summary>
    public double WeightOf(KeywordBoost boost) => Math.Clamp(options.Value.KeywordWeight * boost.Terms.Max(t => t.Intensifier), 0.001, 0.3);
}
