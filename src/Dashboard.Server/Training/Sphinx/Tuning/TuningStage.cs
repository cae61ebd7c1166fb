using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx.Adaptation;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Segmentation;
using Dashboard.Shared.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>What the tuning stage hands on: the chosen settings and the MLLR transform or MAP-adapted acoustic model estimated on the fitted recordings (if chosen).</summary>
public sealed record TunedModel(DecoderSettings Settings, string? TransformPath, string Summary, string? MapModelFolder = null);

/// <summary>
/// Holds out whole speaker groups of the training recordings, fits the candidates on the rest (a domain language model
/// of their transcripts only, an MLLR transform of their audio only) and lets <see cref="ModelTuner"/> choose on the
/// held-out ones; when the test recordings sound like training speakers, a MAP-adapted acoustic model is a candidate
/// too. With too few recordings to hold any out, the configured defaults are used and MLLR stays off.
/// </summary>
public sealed class TuningStage(DomainModelBuilder builder, AcousticAdaptation acoustic, MapAdaptation map, ModelTuner tuner, IOptions<SphinxOptions> options)
{
    public async Task<TunedModel> RunAsync(IReadOnlyList<PreparedUtterance> train, IReadOnlyList<PreparedUtterance> test, DomainModel domain, RecognizerSpec baseSpec, string key,
        string workFolder, (StageProgress Adapt, StageProgress Tune) progress, CancellationToken ct)
    {
        var split = HeldOutSplit.None(train);
        var testSpeakersKnown = false;
        List<List<int>> groups = [];
        if (options.Value.TuningSeconds > 0 && train.Count >= HeldOutSplit.MinimumRecordings)
        {
            var signatures = await SignaturesAsync(train, ct);
            var distance = SpeakerGroups.Distances(signatures);
            var known = SpeakerGroups.TestSpeakersKnown(distance, signatures, await SignaturesAsync(test, ct));
            testSpeakersKnown = known.Known;
            await progress.Tune.LogAsync(LogLevels.Info, known.Known
                ? $"The test recordings sound like training speakers (voice distance {known.TestDistance:0.#}, same speaker about {known.SameSpeakerDistance:0.#}): MLLR needs only lower the held-out WER."
                : $"The test recordings are by speakers new to training (voice distance {known.TestDistance:0.#}, same speaker about {known.SameSpeakerDistance:0.#}): MLLR must also not raise any held-out speaker group's WER, and MAP adaptation is not tried.", ct);
            groups = SpeakerGroups.SpreadOrder(SpeakerGroups.Cluster(distance), distance);
            split = HeldOutSplit.Choose(train, groups, options.Value.TuningSeconds);
            await progress.Tune.LogAsync(LogLevels.Info, $"Held out {split.HeldOut.Count} of {train.Count} training recordings " +
                $"({split.HeldOut.Sum(u => u.Seconds) / 60:0.#} min) from {split.HeldOutGroups.Count} of {groups.Count} speaker groups for tuning; " +
                $"the candidates are fitted on the other {split.Fit.Count}.", ct);
        }

        if (split.HeldOutGroups.Count == 0)
        {
            // without held-out speakers a transform could not be judged, so none is estimated
            var defaults = new DecoderSettings(options.Value.DomainWeight, null, null, false);
            var reason = options.Value.TuningSeconds <= 0 ? "tuning is turned off (Sphinx:TuningSeconds=0)" : $"fewer than {HeldOutSplit.MinimumRecordings} training recordings";
            var summary = $"Tuning skipped ({reason}): using {defaults}; MLLR stays off because it cannot be judged on held-out speakers.";
            await progress.Tune.LogAsync(LogLevels.Warning, summary, ct);
            return new TunedModel(defaults, null, summary);
        }

        var sample = AdaptationSample.Take(split.Fit, groups.Select(g => g.Select(i => train[i])), options.Value.AdaptationSeconds);
        if (sample.Count < split.Fit.Count)
            await progress.Adapt.LogAsync(LogLevels.Info, $"MLLR is estimated on {sample.Count} of the {split.Fit.Count} fitted recordings " +
                $"({sample.Sum(u => u.Seconds) / 60:0.#} of {split.Fit.Sum(u => u.Seconds) / 60:0.#} min), taken in turn from every speaker group (Sphinx:AdaptationSeconds).", ct);
        var adaptation = await acoustic.AdaptAsync(sample, domain.AddedPronunciations, domain.Unpronounceable, workFolder, progress.Adapt, ct);
        await progress.Adapt.LogAsync(adaptation.TransformPath is null ? LogLevels.Warning : LogLevels.Info, adaptation.Summary, ct);
        string? mapModel = null;
        if (testSpeakersKnown)
        {
            var mapped = await map.AdaptAsync(adaptation, workFolder, ct);
            await progress.Adapt.LogAsync(mapped.ModelFolder is null ? LogLevels.Warning : LogLevels.Info, mapped.Summary, ct);
            mapModel = mapped.ModelFolder;
        }

        var folder = Directory.CreateDirectory(Path.Combine(workFolder, "tuning")).FullName;
        var sentences = split.Fit.SelectMany(u => u.Sentences).Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList();
        await builder.BuildAsync(sentences, domain.AddedPronunciations, domain.Unpronounceable, folder, ct);
        var languageModel = Path.Combine(folder, SphinxModelManifest.BinaryLanguageModelFileName);
        var result = await tuner.TuneAsync(split,
            settings => settings is null ? baseSpec : settings.Spec($"{key}/tuning", domain.AddedPronunciations, languageModel, adaptation.TransformPath, baseSpec, mapModel),
            adaptation.TransformPath is not null, mapModel is not null, testSpeakersKnown, progress.Tune, ct);
        await progress.Tune.LogAsync(LogLevels.Info, result.Summary, ct);
        return new TunedModel(result.Settings, result.Settings.AcousticTransform ? adaptation.TransformPath : null, result.Summary, result.Settings.MapModel ? mapModel : null);
    }

    private async Task<List<double[]>> SignaturesAsync(IReadOnlyList<PreparedUtterance> utterances, CancellationToken ct)
    {
        var signatures = new double[utterances.Count][];
        await Parallel.ForEachAsync(Enumerable.Range(0, utterances.Count), options.Value.TrainingWork(ct),
            async (i, token) => signatures[i] = VoiceSignature.Of(await PcmAudio.ReadAsync(utterances[i].PcmPath, token)));
        return [.. signatures];
    }
}
