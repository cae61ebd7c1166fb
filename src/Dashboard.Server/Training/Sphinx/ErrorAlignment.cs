namespace Dashboard.Server.Training.Sphinx;

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

public static class ErrorAlignment
{
    /// <summary>Word errors between two normalized texts.</summary>
    public static ErrorCounts Words(string reference, string hypothesis) =>
        Align(Split(reference), Split(hypothesis));

    /// <summary>Character errors between two normalized texts (single spaces between words count as characters).</summary>
    public static ErrorCounts Characters(string reference, string hypothesis) =>
        Align(string.Join(' ', Split(reference)).ToCharArray(), string.Join(' ', Split(hypothesis)).ToCharArray());

    /// <summary>
    /// Minimum number of edits; among alignments with that many edits, the one with the most substitutions
    /// (as sclite and jiwer report it: "a b" → "c" is one substitution and one deletion, not three errors).
    /// </summary>
    public static ErrorCounts Align<T>(IReadOnlyList<T> reference, IReadOnlyList<T> hypothesis) where T : IEquatable<T>
    {
        var rows = reference.Count + 1;
        var columns = hypothesis.Count + 1;
        var cost = new int[rows, columns];
        var operation = new byte[rows, columns]; // 0 match, 1 substitution, 2 deletion, 3 insertion
        for (var i = 1; i < rows; i++) (cost[i, 0], operation[i, 0]) = (i, 2);
        for (var j = 1; j < columns; j++) (cost[0, j], operation[0, j]) = (j, 3);
        for (var i = 1; i < rows; i++)
        {
            for (var j = 1; j < columns; j++)
            {
                var same = reference[i - 1].Equals(hypothesis[j - 1]);
                var best = cost[i - 1, j - 1] + (same ? 0 : 1);
                byte op = same ? (byte)0 : (byte)1;
                if (cost[i - 1, j] + 1 < best) (best, op) = (cost[i - 1, j] + 1, 2);
                if (cost[i, j - 1] + 1 < best) (best, op) = (cost[i, j - 1] + 1, 3);
                (cost[i, j], operation[i, j]) = (best, op);
            }
        }
        int s = 0, d = 0, n = 0, r = reference.Count, h = hypothesis.Count;
        while (r > 0 || h > 0)
        {
            switch (operation[r, h])
            {
                case 0: r--; h--; break;
                case 1: s++; r--; h--; break;
                case 2: d++; r--; break;
                default: n++; h--; break;
            }
        }
        return new ErrorCounts(s, d, n, reference.Count);
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
