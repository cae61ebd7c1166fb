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
/// Decodes every test utterance with the base decoder and with the custom decoder (over all cores, <see cref="ParallelDecoding"/>), aligns
/// each hypothesis with its reference, and keeps the per-utterance results.
/// </summary>
public static class TestSetEvaluator
{
    public sealed record Result(IReadOnlyList<UtteranceEvaluationDto> Utterances, TestSetScore Base, TestSetScore Custom);

    public static async Task<Result> EvaluateAsync(
        IReadOnlyList<PreparedUtterance> test, RecognizerSpec baseSpec, RecognizerSpec customSpec, SphinxOptions options,
        StageProgress progress, CancellationToken ct)
    {
        var done = 0;
        string[] labels = ["base", "custom"];
        async Task ReportAsync(int model, int i, Recognition recognition, CancellationToken token)
        {
            var count = Interlocked.Increment(ref done);
            var errors = ErrorAlignment.Words(test[i].Reference, TranscriptNormalizer.Normalize(recognition.Transcript));
            await progress.StepAsync(count, 2 * test.Count,
                SphinxCorpusPreparer.ShouldLog(i + 1, test.Count) ? $"Decoded {test[i].File.AudioFileName} with the {labels[model]} model: WER {errors.RatePercent:0.#}%" : null, token);
        }

        var results = await ParallelDecoding.DecodeAsync([baseSpec, customSpec], test, options, ReportAsync, ct);
        return Score(test, results[0], results[1]);
    }

    /// <summary>Scores every test recording sentence by sentence (see <see cref="SentencePieces"/>): the view then shows sentences, not minutes-long blocks.</summary>
    public static Result Score(IReadOnlyList<PreparedUtterance> test, IReadOnlyList<Recognition> baseHypotheses, IReadOnlyList<Recognition> customHypotheses)
    {
        var utterances = new List<UtteranceEvaluationDto>();
        var (baseWords, baseChars, customWords, customChars) = (ErrorCounts.None, ErrorCounts.None, ErrorCounts.None, ErrorCounts.None);
        for (var i = 0; i < test.Count; i++)
        {
            var pieces = SentencePieces.Split(test[i].Sentences, baseHypotheses[i], customHypotheses[i]);
            foreach (var piece in pieces)
            {
                var (bw, bc) = (ErrorAlignment.AlignWords(piece.Reference, piece.BaseHypothesis), ErrorAlignment.Characters(piece.Reference, piece.BaseHypothesis));
                var (cw, cc) = (ErrorAlignment.AlignWords(piece.Reference, piece.CustomHypothesis), ErrorAlignment.Characters(piece.Reference, piece.CustomHypothesis));
                (baseWords, baseChars, customWords, customChars) = (baseWords.Add(bw.Counts), baseChars.Add(bc), customWords.Add(cw.Counts), customChars.Add(cc));
                var whole = pieces.Count == 1;
                utterances.Add(new UtteranceEvaluationDto(test[i].File.AudioFileName, piece.Reference, piece.BaseHypothesis, piece.CustomHypothesis,
                    Dto(bw.Counts, bc), Dto(cw.Counts, cc), test[i].File.Id, bw.Pairs, cw.Pairs,
                    whole ? null : piece.Start, whole ? null : piece.End));
            }
        }
        return new Result(utterances, new TestSetScore(baseWords, baseChars), new TestSetScore(customWords, customChars));
    }

    private static ErrorCountsDto Dto(ErrorCounts words, ErrorCounts characters) =>
        new(words.Substitutions, words.Deletions, words.Insertions, words.ReferenceLength,
            Math.Round(words.RatePercent, 2), Math.Round(characters.RatePercent, 2));
}
