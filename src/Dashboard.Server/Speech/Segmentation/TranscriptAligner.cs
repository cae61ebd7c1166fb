using Dashboard.Server.Evaluation;

namespace Dashboard.Server.Speech.Segmentation;

/// <summary>A stretch of a recording whose recognized words match its transcript: its span in seconds and its words.</summary>
public sealed record AlignedSegment(double Start, double End, string Reference)
{
    public double Seconds => End - Start;
}

/// <summary>A stretch where audio and transcript disagree: what the transcript says there and what was heard.</summary>
public sealed record SkippedStretch(double Start, double End, string Reference, string Recognized);

public sealed record TranscriptAlignment(IReadOnlyList<AlignedSegment> Segments, IReadOnlyList<SkippedStretch> Skipped, double TotalSeconds)
{
    public double UsedSeconds => Segments.Sum(s => s.Seconds);
}

/// <summary>
/// Cuts a long recording into utterances by its transcript: the words recognized with a language model made from
/// that transcript are aligned with it; runs of matching words become segments (cut in the longest pause between two
/// words when longer than <c>maxSeconds</c>), and the stretches between runs, where audio and transcript disagree,
/// are left out and reported.
/// </summary>
public static class TranscriptAligner
{
    private const double Margin = 0.15;
    private const int MinimumRunWords = 2;

    public static TranscriptAlignment Align(IReadOnlyList<string> reference, IReadOnlyList<RecognizedWord> recognized, double totalSeconds, double maxSeconds)
    {
        var pairs = ErrorAlignment.AlignWords(string.Join(' ', reference), string.Join(' ', recognized.Select(w => w.Word))).Pairs;
        var runs = new List<List<(int Reference, RecognizedWord Word)>>();
        var current = new List<(int, RecognizedWord)>();
        var (r, h) = (0, 0);
        foreach (var pair in pairs)
        {
            if (pair.Kind == Dashboard.Shared.Transcription.WordAlignmentKind.Correct) current.Add((r, recognized[h]));
            else if (current.Count > 0) { runs.Add(current); current = []; }
            if (pair.ReferenceWord is not null) r++;
            if (pair.HypothesisWord is not null) h++;
        }
        if (current.Count > 0) runs.Add(current);
        runs = runs.Where(run => run.Count >= MinimumRunWords).ToList();

        var segments = new List<AlignedSegment>();
        var skipped = new List<SkippedStretch>();
        var (nextReference, lastEnd) = (0, 0.0);
        foreach (var run in runs)
        {
            AddSkipped(run[0].Reference, run[0].Word.Start);
            foreach (var piece in Pieces(run, maxSeconds))
                segments.Add(new AlignedSegment(Math.Max(lastEnd, piece[0].Word.Start - Margin), Math.Min(totalSeconds, piece[^1].Word.End + Margin),
                    string.Join(' ', piece.Select(p => p.Word.Word))));
            (nextReference, lastEnd) = (run[^1].Reference + 1, segments[^1].End);
        }
        AddSkipped(reference.Count, totalSeconds);
        return new TranscriptAlignment(segments, skipped, totalSeconds);

        void AddSkipped(int referenceEnd, double end)
        {
            var words = reference.Skip(nextReference).Take(referenceEnd - nextReference).ToList();
            var heard = recognized.Where(w => w.Start >= lastEnd && w.End <= end).Select(w => w.Word).ToList();
            if (words.Count > 0 || heard.Count > 0) skipped.Add(new SkippedStretch(lastEnd, end, string.Join(' ', words), string.Join(' ', heard)));
        }
    }

    /// <summary>A run longer than <paramref name="maxSeconds"/> is cut in its longest pause between two words, again until every piece fits.</summary>
    private static IEnumerable<List<(int Reference, RecognizedWord Word)>> Pieces(List<(int Reference, RecognizedWord Word)> run, double maxSeconds)
    {
        if (run[^1].Word.End - run[0].Word.Start <= maxSeconds || run.Count < 2) return [run];
        var cut = Enumerable.Range(1, run.Count - 1).MaxBy(i => run[i].Word.Start - run[i - 1].Word.End);
        return Pieces(run[..cut], maxSeconds).Concat(Pieces(run[cut..], maxSeconds));
    }
}
