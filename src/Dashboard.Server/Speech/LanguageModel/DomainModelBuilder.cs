using Dashboard.Server.Storage;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech.Lexicon;

namespace Dashboard.Server.Speech.LanguageModel;

/// <summary>What training adds to the stock model: a domain n-gram model and pronunciations for words the CMU dictionary lacks.</summary>
public sealed record DomainModel(ArpaModel LanguageModel, IReadOnlyList<Pronunciation> AddedPronunciations, IReadOnlyList<string> Unpronounceable, int VocabularySize)
{
    public int NgramCount(int order) => LanguageModel.EntriesOf(order).Count;
}

/// <summary>
/// Builds the domain model from the training sentences (new words are pronounced by <see cref="VocabularyPronouncer"/>
/// beforehand): the n-gram model (<see cref="KneserNeyEstimator"/>) is written as ARPA and
/// converted to PocketSphinx's binary form with sphinx_lm_convert, which also proves that the ARPA file is valid.
/// </summary>
public sealed class DomainModelBuilder(IOptions<SphinxOptions> options)
{
    public const int Order = 3;

    /// <summary>Writes domain.arpa, domain.lm.bin and extra.dict into <paramref name="workFolder"/>.</summary>
    public async Task<DomainModel> BuildAsync(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<Pronunciation> added,
        IReadOnlyList<string> unpronounceable, string workFolder, CancellationToken ct)
    {
        var vocabulary = sentences.SelectMany(s => s).Distinct(StringComparer.Ordinal).Count();
        var model = KneserNeyEstimator.Estimate(sentences, Order);
        var arpa = Path.Combine(workFolder, SphinxModelManifest.ArpaFileName);
        await using (var writer = new StreamWriter(arpa)) model.Write(writer);
        await ConvertToBinaryAsync(arpa, Path.Combine(workFolder, SphinxModelManifest.BinaryLanguageModelFileName), ct);
        await File.WriteAllTextAsync(Path.Combine(workFolder, SphinxModelManifest.DictionaryFileName), SphinxArtifactStore.FormatDictionary(added), ct);
        return new DomainModel(model, added, unpronounceable, vocabulary);
    }

    /// <summary>sphinx_lm_convert reads the ARPA file and writes the binary trie format that decoders load fastest.</summary>
    public async Task ConvertToBinaryAsync(string arpaPath, string binaryPath, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("sphinx_lm_convert", ["-i", arpaPath, "-ifmt", "arpa", "-o", binaryPath, "-ofmt", "bin"],
            TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), ct);
        if (result.ExitCode != 0 || !File.Exists(binaryPath))
        {
            var reason = result.StandardError.Split('\n').LastOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal))?.Trim();
            throw new SpeechToolException($"sphinx_lm_convert rejected the language model: {reason ?? $"exit code {result.ExitCode}"}");
        }
    }
}
