namespace Dashboard.Server.Speech;

/// <summary>
/// Cuts long audio into utterances of at most <see cref="MaxSeconds"/>, each cut at the quietest moment of the
/// window before the limit, so that a cut rarely falls inside a word and the decoder's search stays small.
/// </summary>
public static class UtteranceSplitter
{
    public const double MaxSeconds = 30;
    private const double SearchWindowSeconds = 10;
    private const double FrameSeconds = 0.05;

    public static IEnumerable<(int Start, int Length)> Split(ReadOnlySpan<short> pcm, int sampleRate)
    {
        var pieces = new List<(int, int)>();
        var max = (int)(MaxSeconds * sampleRate);
        var start = 0;
        while (pcm.Length - start > max)
        {
            var cut = QuietestPoint(pcm, start + max - (int)(SearchWindowSeconds * sampleRate), start + max, (int)(FrameSeconds * sampleRate));
            pieces.Add((start, cut - start));
            start = cut;
        }
        if (pcm.Length - start > 0 || pieces.Count == 0) pieces.Add((start, pcm.Length - start));
        return pieces;
    }

    /// <summary>True when the audio never rises above -60 dBFS: nothing to recognize.</summary>
    public static bool IsSilent(ReadOnlySpan<short> pcm)
    {
        foreach (var sample in pcm)
        {
            if (Math.Abs((int)sample) > 32) return false;
        }
        return true;
    }

    private static int QuietestPoint(ReadOnlySpan<short> pcm, int from, int to, int frame)
    {
        var best = to;
        var bestEnergy = double.MaxValue;
        for (var position = from; position + frame <= to; position += frame / 2)
        {
            double energy = 0;
            foreach (var sample in pcm.Slice(position, frame)) energy += (double)sample * sample;
            if (energy < bestEnergy)
            {
                bestEnergy = energy;
                best = position + frame / 2;
            }
        }
        return best;
    }
}
