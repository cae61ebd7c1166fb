using Dashboard.Server.Speech.Segmentation;

namespace Dashboard.Server.Speech;

/// <summary>
/// Cuts long audio into utterances for the decoder: in the middle of pauses (<see cref="PauseSeconds"/> or longer), so
/// that an utterance is about a sentence and the language model sees sentence starts where speakers make them, and
/// never longer than <see cref="MaxSeconds"/> (cut then at the quietest moment of the window before the limit).
/// Pieces shorter than <see cref="MinSeconds"/> are joined to the next one.
/// </summary>
public static class UtteranceSplitter
{
    public const double MaxSeconds = 30;
    public const double PauseSeconds = 0.3;
    public const double MinSeconds = 2;
    private const double SearchWindowSeconds = 10;
    private const double FrameSeconds = 0.05;

    public static IEnumerable<(int Start, int Length)> Split(ReadOnlySpan<short> pcm, int sampleRate)
    {
        var length = pcm.Length;
        var cuts = PauseDetector.Find(pcm, PauseSeconds).Select(p => p.Middle).Where(c => c > 0 && c < length).ToList();
        var pieces = new List<(int, int)>();
        var (max, min) = ((int)(MaxSeconds * sampleRate), (int)(MinSeconds * sampleRate));
        var start = 0;
        foreach (var cut in cuts.Append(pcm.Length))
        {
            while (cut - start > max)
            {
                var forced = QuietestPoint(pcm, start + max - (int)(SearchWindowSeconds * sampleRate), start + max, (int)(FrameSeconds * sampleRate));
                pieces.Add((start, forced - start));
                start = forced;
            }
            if (cut - start < min && cut < pcm.Length) continue;
            pieces.Add((start, cut - start));
            start = cut;
        }
        if (pieces.Count == 0) pieces.Add((0, pcm.Length));
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
