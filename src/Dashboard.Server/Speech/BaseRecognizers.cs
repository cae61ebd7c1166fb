using System.Collections.Concurrent;
using Dashboard.Server.Storage;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech.Lexicon;
using Dashboard.Server.Speech.LanguageModel;

namespace Dashboard.Server.Speech;

/// <summary>A base model's built-in vocabulary ready for a decoder: pronunciations for words the CMU dictionary lacks, and a uniform word model.</summary>
public sealed record BaseVocabulary(IReadOnlyList<Pronunciation> Pronunciations, string? ArpaText);

/// <summary>
/// Decoder specs of the base models: the stock en-us model, plus for medical, legal and technical their built-in
/// vocabulary (<see cref="BaseModelVocabularies"/>) interpolated at <see cref="SphinxOptions.BaseVocabularyWeight"/>.
/// Custom models include their base model's vocabulary too. Pronunciations are made once per base model and kept.
/// </summary>
public sealed class BaseRecognizers(VocabularyPronouncer pronouncer, IBlobStorage storage, IOptions<SphinxOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BaseVocabulary>>> vocabularies = new();

    /// <summary>The spec of <paramref name="baseModel"/>; its files are written to <paramref name="workFolder"/>, which must live until the decoder is built.</summary>
    public async Task<RecognizerSpec> ForBaseAsync(string baseModel, string workFolder, CancellationToken ct)
    {
        var vocabulary = await vocabularies.GetOrAdd(baseModel, name => new Lazy<Task<BaseVocabulary>>(() => BuildAsync(name))).Value.WaitAsync(ct);
        if (vocabulary.ArpaText is null || options.Value.BaseVocabularyWeight <= 0) return RecognizerSpec.Stock(baseModel) with { ExtraPronunciations = vocabulary.Pronunciations };
        var path = Path.Combine(workFolder, $"{baseModel}.vocabulary.arpa");
        await File.WriteAllTextAsync(path, vocabulary.ArpaText, ct);
        return new RecognizerSpec(baseModel, vocabulary.Pronunciations, [new WeightedLanguageModel(path, options.Value.BaseVocabularyWeight)]);
    }

    /// <summary>A custom model's spec completed with its base model's vocabulary.</summary>
    public async Task<RecognizerSpec> WithBaseAsync(RecognizerSpec custom, string baseModel, string workFolder, CancellationToken ct) =>
        custom.Including(await ForBaseAsync(baseModel, workFolder, ct));

    private async Task<BaseVocabulary> BuildAsync(string baseModel)
    {
        var words = BaseModelVocabularies.For(baseModel);
        if (words.Count == 0) return new BaseVocabulary([], null);
        using var folder = storage.CreateScratchFolder();
        var pronounced = await pronouncer.PronounceAsync(words, folder.Path, CancellationToken.None);
        var unpronounceable = pronounced.Unpronounceable.ToHashSet(StringComparer.Ordinal);
        var known = words.Where(w => !unpronounceable.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var model = KneserNeyEstimator.Estimate(words.Where(known.Contains).Select(w => (IReadOnlyList<string>)[w]), 2);
        using var text = new StringWriter();
        model.Write(text);
        return new BaseVocabulary(pronounced.Added, text.ToString());
    }
}
