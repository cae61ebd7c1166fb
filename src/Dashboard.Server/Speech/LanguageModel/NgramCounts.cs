namespace Dashboard.Server.Speech.LanguageModel;

/// <summary>An n-gram as a value: compared word by word.</summary>
public readonly record struct NgramKey(string[] Words)
{
    public NgramKey Prefix() => new(Words[..^1]);

    public NgramKey Suffix() => new(Words[1..]);

    public bool Equals(NgramKey other) => Words.AsSpan().SequenceEqual(other.Words);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var w in Words) hash.Add(w, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(' ', Words);
}

public static class NgramCounts
{
    /// <summary>Raw counts of every n-gram up to <paramref name="order"/> in the sentences, each padded with &lt;s&gt; and &lt;/s&gt;.</summary>
    public static Dictionary<NgramKey, int>[] Count(IEnumerable<IReadOnlyList<string>> sentences, int order)
    {
        var counts = Enumerable.Range(0, order).Select(_ => new Dictionary<NgramKey, int>()).ToArray();
        foreach (var sentence in sentences)
        {
            var tokens = sentence.Prepend(ArpaModel.SentenceStart).Append(ArpaModel.SentenceEnd).ToArray();
            for (var n = 1; n <= order; n++)
            {
                for (var end = n; end <= tokens.Length; end++)
                {
                    var key = new NgramKey(tokens[(end - n)..end]);
                    counts[n - 1][key] = counts[n - 1].GetValueOrDefault(key) + 1;
                }
            }
        }
        return counts;
    }
}

/// <summary>Modified Kneser-Ney discounts D1, D2, D3+ from counts of counts; one discount when the data are too few.</summary>
public sealed record Discounts(double One, double Two, double ThreePlus)
{
    public double For(int count) => count switch { <= 0 => 0, 1 => One, 2 => Two, _ => ThreePlus };

    public static Discounts From(IEnumerable<int> counts)
    {
        var n = new double[5];
        foreach (var c in counts) if (c is >= 1 and <= 4) n[c]++;
        if (n[1] > 0 && n[2] > 0 && n[3] > 0 && n[4] > 0)
        {
            var y = n[1] / (n[1] + 2 * n[2]);
            var d = new Discounts(1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]);
            if (d.One is > 0 and < 1 && d.Two is > 0 and < 2 && d.ThreePlus is > 0 and < 3) return d;
        }
        var single = n[1] + 2 * n[2] > 0 ? Math.Clamp(n[1] / (n[1] + 2 * n[2]), 0.1, 0.9) : 0.5;
        return new Discounts(single, single, single);
    }
}
