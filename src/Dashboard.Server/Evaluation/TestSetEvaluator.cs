using Dashboard.Shared.Transcription;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Server.Evaluation;

/// <summary>Test-set totals of one model: word and character errors against the normalized references.</summary>
public sealed record TestSetScore(ErrorCounts Words, ErrorCounts Characters)
{
    public double WordErrorRate => Math.Round(Words.RatePercent, 2);
    public double CharacterErrorRate => Math.Round(Characters.RatePercent, 2);
}

/// <summary>
/// Decodes every test utterance with the base decoder and with the custom decoder (the two run side by side), aligns
/// each hypothesis with its reference, and keeps the per-utterance results.
/// </summary>
public static class TestSetEvaluator
{
    public sealed record Result(IReadOnlyList<UtteranceEvaluationDto> Utterances, TestSetScore Base, TestSetScore Custom);

    public static async Task<Result> EvaluateAsync(
        IReadOnlyList<PreparedUtterance> test, Func<SphinxDecoder> loadBase, Func<SphinxDecoder> loadCustom,
        StageProgress progress, CancellationToken ct)
    {
        var done = 0;
        async Task<string[]> DecodeAllAsync(Func<SphinxDecoder> load, string label)
        {
            var hypotheses = new string[test.Count];
            await Task.Run(async () =>
            {
                using var decoder = load();
                for (var i = 0; i < test.Count; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var pcm = await PcmAudio.ReadAsync(test[i].PcmPath, ct);
                    hypotheses[i] = TranscriptNormalizer.Normalize(decoder.Recognize(pcm).Transcript);
                    var count = Interlocked.Increment(ref done);
                    var errors = ErrorAlignment.Words(test[i].Reference, hypotheses[i]);
                    await progress.StepAsync(count, 2 * test.Count,
                        SphinxCorpusPreparer.ShouldLog(i + 1, test.Count) ? $"Decoded {test[i].File.AudioFileName} with the {label} model: WER {errors.RatePercent:0.#}%" : null, ct);
                }
            }, ct);
            return hypotheses;
        }

        var results = await Task.WhenAll(DecodeAllAsync(loadBase, "base"), DecodeAllAsync(loadCustom, "custom"));
        return Score(test, results[0], results[1]);
    }

    public static Result Score(IReadOnlyList<PreparedUtterance> test, IReadOnlyList<string> baseHypotheses, IReadOnlyList<string> customHypotheses)
    {
        var utterances = new List<UtteranceEvaluationDto>();
        var (baseWords, baseChars, customWords, customChars) = (ErrorCounts.None, ErrorCounts.None, ErrorCounts.None, ErrorCounts.None);
        for (var i = 0; i < test.Count; i++)
        {
            var reference = test[i].Reference;
            var (bw, bc) = (ErrorAlignment.AlignWords(reference, baseHypotheses[i]), ErrorAlignment.Characters(reference, baseHypotheses[i]));
            var (cw, cc) = (ErrorAlignment.AlignWords(reference, customHypotheses[i]), ErrorAlignment.Characters(reference, customHypotheses[i]));
            (baseWords, baseChars, customWords, customChars) = (baseWords.Add(bw.Counts), baseChars.Add(bc), customWords.Add(cw.Counts), customChars.Add(cc));
            utterances.Add(new UtteranceEvaluationDto(test[i].File.AudioFileName, reference, baseHypotheses[i], customHypotheses[i],
                Dto(bw.Counts, bc), Dto(cw.Counts, cc), test[i].File.Id, bw.Pairs, cw.Pairs));
        }
        return new Result(utterances, new TestSetScore(baseWords, baseChars), new TestSetScore(customWords, customChars));
    }

    private static ErrorCountsDto Dto(ErrorCounts words, ErrorCounts characters) =>
        new(words.Substitutions, words.Deletions, words.Insertions, words.ReferenceLength,
            Math.Round(words.RatePercent, 2), Math.Round(characters.RatePercent, 2));
}
