namespace Dashboard.Server.Speech.Segmentation;

/// <summary>A stretch of audio without speech, in samples.</summary>
public readonly record struct Pause(int Start, int End)
{
    public int Middle => Start + (End - Start) / 2;
    public int Length => End - Start;
}

/// <summary>
/// Finds pauses in 16 kHz mono PCM from the energy of 10 ms frames: a frame is quiet when its level lies in the lowest
/// 30% of the range between the file's noise floor (5th percentile) and its speech level (95th percentile), so the
/// same rule works for digital silence and for recordings with background noise.
/// </summary>
public static class PauseDetector
{
    public const int FrameSamples = SphinxDecoder.SampleRate / 100;
    /// <summary>The level of digital silence: no frame is quieter.</summary>
    public const double FloorDb = -90;

    /// <summary>Pauses of at least <paramref name="minimumSeconds"/>, in order.</summary>
    public static List<Pause> Find(ReadOnlySpan<short> pcm, double minimumSeconds)
    {
        var levels = FrameLevels(pcm);
        var pauses = new List<Pause>();
        if (levels.Length == 0) return pauses;
        var threshold = Threshold(levels);
        var minimumFrames = (int)Math.Ceiling(minimumSeconds * 100);
        var start = -1;
        for (var i = 0; i <= levels.Length; i++)
        {
            var quiet = i < levels.Length && levels[i] <= threshold;
            if (quiet && start < 0) start = i;
            if (quiet || start < 0) continue;
            if (i - start >= minimumFrames) pauses.Add(new Pause(start * FrameSamples, Math.Min(pcm.Length, i * FrameSamples)));
            start = -1;
        }
        return pauses;
    }

    private static double Threshold(double[] levels)
    {
        var sorted = levels.Order().ToArray();
        var floor = sorted[(int)(0.05 * (sorted.Length - 1))];
        var speech = sorted[(int)(0.95 * (sorted.Length - 1))];
        return floor + 0.3 * (speech - floor);
    }

    private static double[] FrameLevels(ReadOnlySpan<short> pcm)
    {
        var levels = new double[pcm.Length / FrameSamples];
        for (var f = 0; f < levels.Length; f++) levels[f] = LevelDb(pcm.Slice(f * FrameSamples, FrameSamples));
        return levels;
    }

    /// <summary>The RMS level of a (non-empty) frame in dBFS, no lower than <see cref="FloorDb"/>.</summary>
    public static double LevelDb(ReadOnlySpan<short> frame)
    {
        double energy = 0;
        foreach (var sample in frame) energy += (double)sample * sample;
        var rms = Math.Sqrt(energy / frame.Length) / 32768.0;
        return Math.Max(FloorDb, 20 * Math.Log10(rms + 1e-10));
    }
}
