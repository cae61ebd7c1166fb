using System.Numerics;

namespace Dashboard.Server.Speech.Segmentation;

/// <summary>
/// A coarse fingerprint of who speaks in a recording: the long-term average spectrum of its speech frames in 24
/// log-spaced bands (100 Hz to 7.5 kHz), in dB with the overall level removed. Recordings of one speaker lie close
/// together; it needs no model and no labels, which is all that grouping uploads by speaker for held-out tuning needs.
/// </summary>
public static class VoiceSignature
{
    private const int FrameSize = 512;
    private const int Bands = 24;
    private const double LowHz = 100, HighHz = 7500;

    public static double[] Of(ReadOnlySpan<short> pcm)
    {
        var sums = new double[Bands];
        var frames = 0;
        var buffer = new Complex[FrameSize];
        var bandOf = BandOfBin();
        var speechLevel = SpeechLevel(pcm);
        for (var start = 0; start + FrameSize <= pcm.Length; start += FrameSize)
        {
            var frame = pcm.Slice(start, FrameSize);
            double energy = 0;
            for (var i = 0; i < FrameSize; i++)
            {
                var window = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (FrameSize - 1));
                buffer[i] = new Complex(frame[i] * window, 0);
                energy += (double)frame[i] * frame[i];
            }
            if (energy / FrameSize < speechLevel) continue;
            Fft(buffer);
            var bands = new double[Bands];
            for (var bin = 1; bin < FrameSize / 2; bin++)
                if (bandOf[bin] >= 0) bands[bandOf[bin]] += buffer[bin].Magnitude * buffer[bin].Magnitude;
            for (var b = 0; b < Bands; b++) sums[b] += 10 * Math.Log10(bands[b] + 1e-3);
            frames++;
        }
        if (frames == 0) return sums;
        var mean = sums.Average() / frames;
        return sums.Select(s => s / frames - mean).ToArray();
    }

    public static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    /// <summary>Mean frame energy above which a frame counts as speech: a tenth of the loudest 10% frames' level.</summary>
    private static double SpeechLevel(ReadOnlySpan<short> pcm)
    {
        var energies = new List<double>();
        for (var start = 0; start + FrameSize <= pcm.Length; start += FrameSize)
        {
            double energy = 0;
            foreach (var s in pcm.Slice(start, FrameSize)) energy += (double)s * s;
            energies.Add(energy / FrameSize);
        }
        if (energies.Count == 0) return 0;
        energies.Sort();
        return energies[(int)(0.9 * (energies.Count - 1))] / 10;
    }

    private static int[] BandOfBin()
    {
        var bands = new int[FrameSize / 2];
        for (var bin = 0; bin < bands.Length; bin++)
        {
            var hz = (double)bin * SphinxDecoder.SampleRate / FrameSize;
            bands[bin] = hz < LowHz || hz >= HighHz ? -1 : (int)(Bands * Math.Log(hz / LowHz) / Math.Log(HighHz / LowHz));
        }
        return bands;
    }

    /// <summary>In-place radix-2 FFT.</summary>
    private static void Fft(Complex[] data)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (data[i], data[j]) = (data[j], data[i]);
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var step = Complex.FromPolarCoordinates(1, -2 * Math.PI / length);
            for (var i = 0; i < n; i += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var (u, v) = (data[i + k], data[i + k + length / 2] * w);
                    (data[i + k], data[i + k + length / 2]) = (u + v, u - v);
                    w *= step;
                }
            }
        }
    }
}
