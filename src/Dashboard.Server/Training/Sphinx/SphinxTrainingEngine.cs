using Dashboard.Server.Storage;
using Dashboard.Shared.Training;
using Dashboard.Shared.Transcription;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx.Tuning;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Lexicon;

namespace Dashboard.Server.Training.Sphinx;

/// <summary>
/// The real engine (Training:Engine=sphinx): adapts the stock PocketSphinx en-us model to a domain by a trigram
/// language model and new pronunciations learned from the training data, chooses on held-out training speakers how
/// strongly to mix it with the stock model, the search weights and whether an MLLR transform of the acoustic model
/// helps (<see cref="TuningStage"/>), then measures base and custom WER/CER on the test set. The result is stored as a versioned artifact (manifest, LM, dictionary, evaluation).
/// </summary>
public sealed class SphinxTrainingEngine(
    IBlobStorage storage, SphinxCorpusPreparer preparer, VocabularyPronouncer pronouncer, DomainModelBuilder builder, SphinxArtifactStore artifacts,
    LongRecordingSegmenter segmenter, TuningStage tuning, BaseRecognizers baseRecognizers, IOptions<SphinxOptions> options, TimeProvider clock) : ITrainingEngine
{
    public const string EngineName = Shared.Training.TrainingEngines.Sphinx;

    public string Name => EngineName;

    public async Task<TrainingOutcome> TrainAsync(TrainingInput input, ITrainingProgress progress, CancellationToken ct)
    {
        SphinxRecognizers.EnsureSupported(input.Language, input.BaseModel, message => new TrainingFailedException(message));
        using var scratch = storage.CreateScratchFolder();
        using var gate = new SemaphoreSlim(1, 1);

        await progress.StageAsync(SphinxStages.Convert, 0, ct);
        var corpus = await preparer.PrepareAsync(input, scratch.Path, new StageProgress(progress, 0, 40, gate), ct);
        if (corpus.Train.Count == 0 || corpus.Test.Count == 0)
            throw new TrainingFailedException($"No {(corpus.Train.Count == 0 ? "training" : "test")} transcript has any words; upload transcripts that match the audio.");

        await progress.StageAsync(SphinxStages.Normalize, 40, ct);
        var sentences = corpus.Train.SelectMany(u => u.Sentences).Concat(corpus.TextSentences).Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList();
        await progress.LogAsync(LogLevels.Info, $"Normalized {corpus.Train.Count} training transcripts and {input.TextFiles.Count} text data file(s) " +
            $"({corpus.TextSentences.Count} sentences, for the language model only) into {sentences.Count} sentences " +
            $"({sentences.Sum(s => s.Count)} words) and {corpus.Test.Count} test references; e.g. \"{corpus.Train[0].Sentences[0]}\".", ct);

        await progress.StageAsync(SphinxStages.Vocabulary, 45, ct);
        var vocabulary = sentences.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        var newWords = await pronouncer.PronounceAsync(vocabulary, scratch.Path, ct);
        var (added, unpronounceable) = (newWords.Added, newWords.Unpronounceable);
        await progress.LogAsync(LogLevels.Info, $"Vocabulary: {vocabulary.Count} words, {newWords.WordCount + unpronounceable.Count} not in the CMU dictionary; " +
            $"pronunciations from espeak-ng and flite ({added.Count - newWords.WordCount} further variants where they differ from each other or the dictionary): {Sample(added.Select(p => $"{p.Word} [{p.Phones}]"))}", ct);
        if (!newWords.FliteAvailable)
            await progress.LogAsync(LogLevels.Warning, $"flite's {FliteLetterToSound.Tool} is not installed: new words have espeak-ng's pronunciation only (install the Debian package flite).", ct);
        if (unpronounceable.Count > 0)
            await progress.LogAsync(LogLevels.Warning, $"No pronunciation could be made for: {Sample(unpronounceable)}; these words cannot be recognized.", ct);

        await progress.StageAsync(SphinxStages.LanguageModel, 55, ct);
        var domain = await builder.BuildAsync(sentences, added, unpronounceable, scratch.Path, ct);
        await progress.LogAsync(LogLevels.Info, $"Trigram model (interpolated modified Kneser-Ney): {domain.NgramCount(1)} unigrams, {domain.NgramCount(2)} bigrams, " +
            $"{domain.NgramCount(3)} trigrams; sphinx_lm_convert accepted it.", ct);

        await progress.StageAsync(SphinxStages.AcousticAdaptation, 58, ct);
        var baseSpec = await baseRecognizers.ForBaseAsync(input.BaseModel, scratch.Path, ct);
        var key = $"training/{input.ModelId}/{input.Version}";
        var utterances = await segmenter.SegmentAsync(corpus.Train, added, scratch.Path, new StageProgress(progress, 58, 58, gate), ct);
        var tuned = await tuning.RunAsync(utterances, corpus.Test, domain, baseSpec, key, scratch.Path,
            (new StageProgress(progress, 58, 66, gate), new StageProgress(progress, 66, 80, gate)), ct);
        string? transform = null;
        if (tuned.TransformPath is { } estimated)
        {
            transform = SphinxModelManifest.AcousticTransformFileName;
            File.Copy(estimated, Path.Combine(scratch.Path, transform), overwrite: true);
        }
        var adaptedModel = tuned.MapModelFolder is null ? null : SphinxModelManifest.AdaptedAcousticModelName;

        await progress.StageAsync(SphinxStages.Evaluate, 80, ct);
        var customSpec = tuned.Settings.Spec(key, added, Path.Combine(scratch.Path, SphinxModelManifest.BinaryLanguageModelFileName), tuned.TransformPath, baseSpec, tuned.MapModelFolder);
        var result = await TestSetEvaluator.EvaluateAsync(corpus.Test, baseSpec, customSpec, options.Value, new StageProgress(progress, 80, 95, gate), ct);
        var outcome = new TrainingOutcome(result.Custom.WordErrorRate, result.Base.WordErrorRate, result.Custom.CharacterErrorRate, null);
        await progress.LogAsync(LogLevels.Info, $"Test set ({corpus.Test.Count} utterances, {result.Base.Words.ReferenceLength} words): " +
            $"base WER {outcome.BaseWordErrorRate:0.##}%, custom WER {outcome.WordErrorRate:0.##}% (CER {outcome.CharacterErrorRate:0.##}%), relative improvement {outcome.AccuracyImprovement:0.##}%.", ct);

        await progress.StageAsync(SphinxStages.Store, 95, ct);
        var manifest = new SphinxModelManifest(SphinxModelManifest.CurrentFormat, input.ModelId, input.Version, input.BaseModel, input.Language,
            AcousticModel: "en-us", BaseLanguageModel: "en-us.lm.bin", SphinxModelManifest.BinaryLanguageModelFileName, SphinxModelManifest.ArpaFileName,
            SphinxModelManifest.DictionaryFileName, tuned.Settings.DomainWeight, DomainModelBuilder.Order, domain.VocabularySize, added.Count,
            sentences.Count, tuned.Settings.MapModel ? "MLLR+MAP" : tuned.Settings.AcousticTransform ? "MLLR" : "none", transform, clock.GetUtcNow(),
            tuned.Settings.LanguageWeight, tuned.Settings.WordInsertionPenalty, tuned.Summary, adaptedModel);
        foreach (var (stored, read) in manifest.AdaptedAcousticModelFiles())
            File.Copy(Path.Combine(tuned.MapModelFolder!, read), Path.Combine(scratch.Path, stored), overwrite: true);
        var evaluation = new EvaluationResponse(input.ModelId, input.Version, EngineName, input.BaseModel, outcome.WordErrorRate, outcome.BaseWordErrorRate,
            outcome.CharacterErrorRate, result.Base.CharacterErrorRate, outcome.AccuracyImprovement, result.Utterances);
        var manifestKey = await artifacts.SaveAsync(manifest, scratch.Path, evaluation, ct);
        await progress.LogAsync(LogLevels.Info, $"Stored version {input.Version}: {manifestKey} with the language model, dictionary and evaluation" +
            (adaptedModel is null ? "." : $" and the MAP-adapted acoustic model ({manifest.AdaptedAcousticModelFiles().Sum(f => new FileInfo(Path.Combine(scratch.Path, f.Stored)).Length) / 1e6:0.0} MB)."), ct);
        return outcome with { ArtifactBlob = manifestKey };
    }

    private static string Sample(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none needed" : string.Join(", ", list.Take(15)) + (list.Count > 15 ? $" and {list.Count - 15} more" : "");
    }
}

public static class SphinxStages
{
    public const string Convert = "convert audio";
    public const string Normalize = "normalize transcripts";
    public const string Vocabulary = "build vocabulary";
    public const string LanguageModel = "build language model";
    public const string AcousticAdaptation = "adapt and tune on held-out data";
    public const string Evaluate = "evaluate";
    public const string Store = "store model";
    public static readonly IReadOnlyList<string> All = [Convert, Normalize, Vocabulary, LanguageModel, AcousticAdaptation, Evaluate, Store];
}
