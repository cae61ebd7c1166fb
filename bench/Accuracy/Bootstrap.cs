namespace Dashboard.Bench.Accuracy;

/// <summary>A 95% interval.</summary>
public sealed record Interval(double Low, double High)
{
    public override string ToString() => $"{Low:0.0}-{High:0.0}";
}

/// <summary>
/// 95% intervals by bootstrap over test recordings: the recordings are drawn again with replacement (2000 times, fixed
/// seed) and the statistic recomputed; the 2.5th and 97.5th percentiles bound it. Recordings, not words, are drawn because
/// errors within one recording (one voice, one passage) are not independent.
/// </summary>
public static class Bootstrap
{
    private const int Draws = 2000;

    public static Interval Wer(IReadOnlyList<RecordingErrors> recordings, Func<RecordingErrors, int> errors) =>
        Percentiles(recordings, sample => 100.0 * sample.Sum(errors) / Math.Max(1, sample.Sum(r => r.Words)));

    /// <summary>Interval of custom WER / base WER, the two drawn together (paired).</summary>
    public static Interval Ratio(IReadOnlyList<RecordingErrors> recordings) =>
        Percentiles(recordings, sample => (double)sample.Sum(r => r.CustomErrors) / Math.Max(1, sample.Sum(r => r.BaseErrors)));

    private static Interval Percentiles(IReadOnlyList<RecordingErrors> recordings, Func<RecordingErrors[], double> statistic)
    {
        if (recordings.Count == 0) return new Interval(double.NaN, double.NaN);
        var random = new Random(17);
        var values = new double[Draws];
        var sample = new RecordingErrors[recordings.Count];
        for (var d = 0; d < Draws; d++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = recordings[random.Next(recordings.Count)];
            values[d] = statistic(sample);
        }
        Array.Sort(values);
        return new Interval(values[(int)(0.025 * Draws)], values[(int)(0.975 * Draws) - 1]);
    }
}
