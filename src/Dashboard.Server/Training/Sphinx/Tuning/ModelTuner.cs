using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Text;
using Dashboard.Shared.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>The settings tuning chose and the held-out WERs behind them.</summary>
public sealed record TuningResult(DecoderSettings Settings, double HeldOutWer, double BaseHeldOutWer, string Summary);

/// <summary>
/// Chooses a custom model's <see cref="DecoderSettings"/> on held-out training recordings (speakers and sentences the
/// candidates were not fitted on), one setting at a time: the domain weight, then the language weight, then the
/// insertion penalty, then whether MLLR stays (only if it lowers the held-out WER and, when the test set's speakers are new
/// to training, raises it for no held-out speaker group), then, only when the test set's speakers are training speakers,
/// whether a MAP-adapted acoustic model replaces it (only if it lowers the held-out WER further). The base
/// model is a candidate too, so the choice is never worse than the base on held-out data. Every decode is logged.
/// </summary>
public sealed class ModelTuner(IOptions<SphinxOptions> options)
{
    public static readonly double[] DomainWeights = [0.6, 0.8, 0.95];
    public static readonly double[] LanguageWeights = [5, 9];
    public static readonly double[] InsertionPenalties = [0.2, 2];

    /// <summary>
    /// <paramref name="specOf"/> builds the decoder of a candidate; null settings mean the base model. A MAP model is
    /// built only when the test speakers are training speakers, so <paramref name="hasMapModel"/> says it is tried.
    /// </summary>
    public async Task<TuningResult> TuneAsync(HeldOutSplit split, Func<DecoderSettings?, RecognizerSpec> specOf, bool hasTransform, bool hasMapModel,
        bool testSpeakersKnown, StageProgress progress, CancellationToken ct)
    {
        var heldOut = split.HeldOut;
        var references = heldOut.Select(u => u.Reference).ToList();
        var decoded = 0;
        var total = 1 + DomainWeights.Length + LanguageWeights.Length + InsertionPenalties.Length + (hasTransform ? 1 : 0) + (hasMapModel ? 1 : 0);
        // The candidates of one step are decoded together, over all cores (ParallelDecoding), then scored in order.
        async Task<List<(DecoderSettings? Settings, double Wer, string[] Hypotheses)>> StageAsync(IReadOnlyList<DecoderSettings?> candidates)
        {
            var recognitions = await ParallelDecoding.DecodeAsync([.. candidates.Select(specOf)], heldOut, options.Value, (_, _, _, _) => Task.CompletedTask, ct);
            var results = new List<(DecoderSettings?, double, string[])>();
            foreach (var (settings, recognized) in candidates.Zip(recognitions))
            {
                var hypotheses = recognized.Select(r => TranscriptNormalizer.Normalize(r.Transcript)).ToArray();
                var wer = Wer(references, hypotheses);
                await progress.StepAsync(++decoded, total, $"Tuning: held-out WER {wer:0.##}% with {(settings is null ? "the base model" : settings.ToString())}.", ct);
                results.Add((settings, wer, hypotheses));
            }
            return results;
        }

        var first = await StageAsync([null, .. DomainWeights.Select(w => (DecoderSettings?)new DecoderSettings(w, null, null, false))]);
        var baseline = first[0];
        var best = first.Skip(1).MinBy(r => r.Wer);
        // On a tie the setting found so far stays: a change has to earn its place.
        best = (await StageAsync([.. LanguageWeights.Select(lw => (DecoderSettings?)(best.Settings! with { LanguageWeight = lw }))])).Prepend(best).MinBy(r => r.Wer);
        best = (await StageAsync([.. InsertionPenalties.Select(p => (DecoderSettings?)(best.Settings! with { WordInsertionPenalty = p }))])).Prepend(best).MinBy(r => r.Wer);
        var mllrNote = "MLLR off: no transform was estimated";
        if (hasTransform)
        {
            var withMllr = (await StageAsync([best.Settings! with { AcousticTransform = true }]))[0];
            double GroupWer(List<int> indices, string[] hypotheses) => Wer(indices.Select(i => references[i]).ToList(), indices.Select(i => hypotheses[i]).ToList());
            var perGroup = JudgedGroups(split).Select(g => (With: GroupWer(g.Indices, withMllr.Hypotheses), Without: GroupWer(g.Indices, best.Hypotheses), g.Words)).ToList();
            // Speakers the transform was estimated on gain from it; new ones must not lose, whichever held-out group they resemble.
            var helps = withMllr.Wer < best.Wer && (testSpeakersKnown || perGroup.All(g => g.With <= g.Without));
            mllrNote = $"MLLR {(helps ? "on" : "off")}: held-out WER {withMllr.Wer:0.##}% with it, {best.Wer:0.##}% without " +
                $"(per held-out speaker group {string.Join(", ", perGroup.Select(g => $"{g.With:0.#}% vs {g.Without:0.#}% on {g.Words} words"))})";
            if (helps) best = withMllr;
        }
        if (hasMapModel)
        {
            // Only for training speakers (the test set's voices): a MAP model moves each Gaussian toward what they said.
            var withMap = (await StageAsync([best.Settings! with { AcousticTransform = false, MapModel = true }]))[0];
            var helps = withMap.Wer < best.Wer;
            mllrNote += $"; MAP {(helps ? "on" : "off")}: held-out WER {withMap.Wer:0.##}% with the MAP-adapted acoustic model, {best.Wer:0.##}% without";
            if (helps) best = withMap;
        }
        if (baseline.Wer < best.Wer) best = (new DecoderSettings(0, null, null, false), baseline.Wer, baseline.Hypotheses);
        var summary = $"Tuning chose {best.Settings}: held-out WER {best.Wer:0.##}% against {baseline.Wer:0.##}% for the base model, " +
            $"on {heldOut.Count} held-out recordings ({heldOut.Sum(u => u.Seconds) / 60:0.#} min) of {split.HeldOutGroups.Count} speaker group(s) " +
            $"not used to fit the candidates; {mllrNote}.";
        return new TuningResult(best.Settings!, best.Wer, baseline.Wer, summary);
    }

    private static double Wer(IReadOnlyList<string> references, IReadOnlyList<string> hypotheses) =>
        Math.Round(references.Zip(hypotheses, ErrorAlignment.Words).Aggregate(ErrorCounts.None, (a, b) => a.Add(b)).RatePercent, 2);

    /// <summary>
    /// The held-out speaker groups MLLR is judged on, as index ranges into the held-out list: a group of fewer than
    /// <see cref="MinimumGroupWords"/> reference words is too small to judge alone (a word or two swings its WER by
    /// tens of points), so such groups are judged together.
    /// </summary>
    public static List<(List<int> Indices, int Words)> JudgedGroups(HeldOutSplit split)
    {
        var (judged, small, offset) = (new List<(List<int> Indices, int Words)>(), new List<(List<int> Indices, int Words)>(), 0);
        foreach (var group in split.HeldOutGroups)
        {
            var indices = Enumerable.Range(offset, group.Count).ToList();
            offset += group.Count;
            var words = group.Sum(u => u.Reference.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            (words >= MinimumGroupWords ? judged : small).Add((indices, words));
        }
        if (small.Count > 0) judged.Add(([.. small.SelectMany(g => g.Indices)], small.Sum(g => g.Words)));
        return judged;
    }

    public const int MinimumGroupWords = 50;
}
