using Dashboard.Server.Speech;

namespace Dashboard.Server.Training.Sphinx;

/// <summary>
/// Decodes recordings with several decoders on all cores: at most <see cref="SphinxOptions.TrainingSlots"/> decoders are
/// loaded and decoding at once. When there are fewer decoders than slots (one tuning candidate, the base and the
/// custom model on four cores), each decoder's recordings are cut into shares of about equal audio, each share decoded
/// by its own copy of the decoder, so no core idles; a decoder is loaded once per share (about a second).
/// </summary>
public static class ParallelDecoding
{
    /// <summary>
    /// Every recording decoded by every spec: the result's [s][i] is <paramref name="recordings"/>[i] by
    /// <paramref name="specs"/>[s]. <paramref name="decoded"/> is called after each decode, from parallel workers.
    /// </summary>
    public static async Task<Recognition[][]> DecodeAsync(IReadOnlyList<RecognizerSpec> specs, IReadOnlyList<PreparedUtterance> recordings,
        SphinxOptions options, Func<int, int, Recognition, CancellationToken, Task> decoded, CancellationToken ct)
    {
        var results = specs.Select(_ => new Recognition[recordings.Count]).ToArray();
        if (specs.Count == 0 || recordings.Count == 0) return results;
        var shares = Shares(recordings, SharesPerSpec(specs.Count, options.TrainingSlots));
        var work = shares.SelectMany(share => specs.Select((_, s) => (Spec: s, Share: share))).ToList();
        await Parallel.ForEachAsync(work, options.TrainingWork(ct), async (item, token) =>
        {
            using var decoder = new SphinxDecoder(options, specs[item.Spec]);
            foreach (var i in item.Share)
            {
                token.ThrowIfCancellationRequested();
                var pcm = await PcmAudio.ReadAsync(recordings[i].PcmPath, token);
                results[item.Spec][i] = decoder.Recognize(pcm);
                await decoded(item.Spec, i, results[item.Spec][i], token);
            }
        });
        return results;
    }

    /// <summary>
    /// Shares per decoder so that the pieces of work fill the slots evenly: 1 when the decoders alone do (4 on 2 slots),
    /// else the slots over their greatest common divisor with the decoders (1 decoder on 2 slots: 2; 3 on 2: 2, six pieces).
    /// </summary>
    public static int SharesPerSpec(int specs, int slots)
    {
        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
        return Math.Max(1, slots / Gcd(Math.Max(1, specs), Math.Max(1, slots)));
    }

    /// <summary>Recordings dealt into <paramref name="count"/> shares of about equal audio, longest first to the lightest share; each share in recording order.</summary>
    public static List<List<int>> Shares(IReadOnlyList<PreparedUtterance> recordings, int count)
    {
        var n = Math.Clamp(count, 1, Math.Max(1, recordings.Count));
        var (shares, seconds) = (Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray(), new double[n]);
        var lengths = recordings.Select(r => r.Seconds).ToArray();
        foreach (var index in Enumerable.Range(0, recordings.Count).OrderByDescending(i => lengths[i]))
        {
            var lightest = Array.IndexOf(seconds, seconds.Min());
            shares[lightest].Add(index);
            seconds[lightest] += lengths[index];
        }
        return shares.Where(s => s.Count > 0).Select(s => s.Order().ToList()).ToList();
    }
}
