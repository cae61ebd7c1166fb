using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Evaluation;

/// <summary>Errors of a hypothesis against a reference, from a minimum-edit (Levenshtein) alignment.</summary>
public sealed record ErrorCounts(int Substitutions, int Deletions, int Insertions, int ReferenceLength)
{
    public static readonly ErrorCounts None = new(0, 0, 0, 0);

    public int Errors => Substitutions + Deletions + Insertions;

    /// <summary>Errors per reference unit, in percent (an empty reference: 0, or 100 if anything was inserted).</summary>
    public double RatePercent => ReferenceLength == 0 ? (Insertions > 0 ? 100 : 0) : 100.0 * Errors / ReferenceLength;

    public ErrorCounts Add(ErrorCounts other) =>
        new(Substitutions + other.Substitutions, Deletions + other.Deletions, Insertions + other.Insertions, ReferenceLength + other.ReferenceLength);
}

/// <summary>The word pairs of one alignment, in reading order, and the errors they add up to.</summary>
public sealed record WordAlignment(ErrorCounts Counts, IReadOnlyList<AlignedWordDto> Pairs);

public static class ErrorAlignment
{
    /// <summary>Word errors between two normalized texts.</summary>
    public static ErrorCounts Words(string reference, string hypothesis) =>
        Align(Split(reference), Split(hypothesis));

    /// <summary>Word errors between two normalized texts, with the aligned word pairs behind them (for a word-level diff).</summary>
    public static WordAlignment AlignWords(string reference, string hypothesis)
    {
        var (referenceWords, hypothesisWords) = (Split(reference), Split(hypothesis));
        var steps = Trace(referenceWords, hypothesisWords);
        var pairs = steps.Select(step => new AlignedWordDto(
            step.Kind == WordAlignmentKind.Insertion ? null : referenceWords[step.Reference],
            step.Kind == WordAlignmentKind.Deletion ? null : hypothesisWords[step.Hypothesis],
            step.Kind)).ToList();
        return new WordAlignment(Count(steps, referenceWords.Length), pairs);
    }

    /// <summary>Character errors between two normalized texts (single spaces between words count as characters).</summary>
    public static ErrorCounts Characters(string reference, string hypothesis) =>
        Align(string.Join(' ', Split(reference)).ToCharArray(), string.Join(' ', Split(hypothesis)).ToCharArray());

    public static ErrorCounts Align<T>(IReadOnlyList<T> reference, IReadOnlyList<T> hypothesis) where T : IEquatable<T> =>
        Count(Trace(reference, hypothesis), reference.Count);

    /// <summary>One step of an alignment: indexes into the reference and the hypothesis (the one a step skips is unused).</summary>
    private readonly record struct Step(WordAlignmentKind Kind, int Reference, int Hypothesis);

    private static ErrorCounts Count(List<Step> steps, int referenceLength) => new(
        steps.Count(s => s.Kind == WordAlignmentKind.Substitution),
        steps.Count(s => s.Kind == WordAlignmentKind.Deletion),
        steps.Count(s => s.Kind == WordAlignmentKind.Insertion),
        referenceLength);

    /// <summary>
    /// The alignment NIST's sclite makes, in reading order: the least total cost with a substitution costing 4 and an
    /// insertion or deletion 3 (sclite's defaults) and, among equally cheap ones, substitutions before insertions before
    /// deletions (as sclite breaks ties), so the counts of substitutions, deletions and insertions agree with it
    /// ("a b" → "c" is one substitution and one deletion; "a b" → "b c" one deletion and one insertion).
    /// </summary>
    private static List<Step> Trace<T>(IReadOnlyList<T> reference, IReadOnlyList<T> hypothesis) where T : IEquatable<T>
    {
        const int Substitution = 4, InsertionOrDeletion = 3;
        var rows = reference.Count + 1;
        var columns = hypothesis.Count + 1;
        var cost = new int[rows, columns];
        var operation = new WordAlignmentKind[rows, columns];
        for (var i = 1; i < rows; i++) (cost[i, 0], operation[i, 0]) = (i * InsertionOrDeletion, WordAlignmentKind.Deletion);
        for (var j = 1; j < columns; j++) (cost[0, j], operation[0, j]) = (j * InsertionOrDeletion, WordAlignmentKind.Insertion);
        for (var i = 1; i < rows; i++)
        {
            for (var j = 1; j < columns; j++)
            {
                var same = reference[i - 1].Equals(hypothesis[j - 1]);
                var best = cost[i - 1, j - 1] + (same ? 0 : Substitution);
                var op = same ? WordAlignmentKind.Correct : WordAlignmentKind.Substitution;
                if (cost[i, j - 1] + InsertionOrDeletion < best) (best, op) = (cost[i, j - 1] + InsertionOrDeletion, WordAlignmentKind.Insertion);
                if (cost[i - 1, j] + InsertionOrDeletion < best) (best, op) = (cost[i - 1, j] + InsertionOrDeletion, WordAlignmentKind.Deletion);
                (cost[i, j], operation[i, j]) = (best, op);
            }
        }
        var steps = new List<Step>();
        int r = reference.Count, h = hypothesis.Count;
        while (r > 0 || h > 0)
        {
            var kind = operation[r, h];
            if (kind != WordAlignmentKind.Insertion) r--;
            if (kind != WordAlignmentKind.Deletion) h--;
            steps.Add(new Step(kind, r, h));
        }
        steps.Reverse();
        return steps;
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
