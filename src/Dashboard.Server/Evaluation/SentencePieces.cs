using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Server.Evaluation;

/// <summary>One sentence of a test recording: its reference, what each model recognized in its time span, and the span.</summary>
public sealed record SentencePiece(string Reference, string BaseHypothesis, string CustomHypothesis, double Start, double End);

/// <summary>
/// Splits a test recording with a multi-sentence transcript into its sentences for the evaluation view: the custom
/// model's timed words are aligned with the reference, each sentence boundary gets the time between the last word
/// matched before it and the first one after it, and both models' words are assigned to sentences by time.
/// </summary>
public static class SentencePieces
{
    public static IReadOnlyList<SentencePiece> Split(IReadOnlyList<string> sentences, Recognition baseRecognition, Recognition customRecognition)
    {
        var (baseWords, customWords) = (Tokens(baseRecognition), Tokens(customRecognition));
        var duration = Math.Max(baseRecognition.DurationSeconds, customRecognition.DurationSeconds);
        if (sentences.Count < 2 || customWords.Count == 0)
            return [new(string.Join(' ', sentences), Join(baseWords), Join(customWords), 0, duration)];

        var referenceOf = ReferenceIndexOfHypothesis(string.Join(' ', sentences), customWords);
        var boundaries = new List<double> { 0 };
        var sentenceEnd = 0;
        foreach (var sentence in sentences.SkipLast(1))
        {
            sentenceEnd += sentence.Split(' ').Length;
            var before = customWords.Where((_, h) => referenceOf[h] is { } r && r < sentenceEnd).Select(w => w.End).DefaultIfEmpty(boundaries[^1]).Max();
            var after = customWords.Where((_, h) => referenceOf[h] is { } r && r >= sentenceEnd).Select(w => w.Start).DefaultIfEmpty(duration).Min();
            boundaries.Add(Math.Clamp(after >= before ? (before + after) / 2 : before, boundaries[^1], duration));
        }
        boundaries.Add(duration + 1);
        return sentences.Select((sentence, i) => new SentencePiece(sentence,
            Join(baseWords.Where(w => InSpan(w, boundaries[i], boundaries[i + 1]))),
            Join(customWords.Where(w => InSpan(w, boundaries[i], boundaries[i + 1]))),
            Math.Round(boundaries[i], 2), Math.Round(Math.Min(boundaries[i + 1], duration), 2))).ToList();
    }

    /// <summary>For each hypothesis word, the reference word it was aligned with (correct or substituted), or null for an insertion.</summary>
    private static int?[] ReferenceIndexOfHypothesis(string reference, List<RecognizedWord> hypothesis)
    {
        var pairs = ErrorAlignment.AlignWords(reference, Join(hypothesis)).Pairs;
        var result = new int?[hypothesis.Count];
        var (r, h) = (0, 0);
        foreach (var pair in pairs)
        {
            if (pair.HypothesisWord is not null) result[h] = pair.ReferenceWord is null ? null : r;
            if (pair.ReferenceWord is not null) r++;
            if (pair.HypothesisWord is not null) h++;
        }
        return result;
    }

    private static bool InSpan(RecognizedWord word, double from, double to) => (word.Start + word.End) / 2 is var middle && middle >= from && middle < to;

    /// <summary>The recognized words normalized as references are, each keeping its times.</summary>
    private static List<RecognizedWord> Tokens(Recognition recognition) =>
        recognition.Words.SelectMany(w => TranscriptNormalizer.Normalize(w.Word).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => w with { Word = t })).ToList();

    private static string Join(IEnumerable<RecognizedWord> words) => string.Join(' ', words.Select(w => w.Word));
}
