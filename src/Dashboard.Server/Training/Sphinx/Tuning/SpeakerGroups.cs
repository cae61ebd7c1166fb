using Dashboard.Server.Speech.Segmentation;

namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>
/// Groups recordings that sound like the same speaker (average-linkage clustering of <see cref="VoiceSignature"/>s)
/// into about one group per six recordings, so held-out tuning can leave whole speakers out of what it fits. The
/// methods share one matrix of <see cref="Distances"/> between the training recordings, computed once by the caller.
/// </summary>
public static class SpeakerGroups
{
    public static List<List<int>> Cluster(double[,] distance)
    {
        var count = distance.GetLength(0);
        var groups = Enumerable.Range(0, count).Select(i => new List<int> { i }).ToList();
        var target = Math.Clamp(count / 6, 2, 12);
        while (groups.Count > target)
        {
            var (bestA, bestB, best) = (0, 1, double.MaxValue);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    var d = Linkage(distance, groups[a], groups[b]);
                    if (d < best) (bestA, bestB, best) = (a, b, d);
                }
            }
            groups[bestA].AddRange(groups[bestB]);
            groups.RemoveAt(bestB);
        }
        return groups;
    }

    /// <summary>
    /// The groups in the order held-out tuning takes them: the smallest first, then each time the group farthest from all
    /// those already taken, so a few held-out groups span the voices in the data instead of being
    /// near copies of speakers the candidates were fitted on.
    /// </summary>
    public static List<List<int>> SpreadOrder(IReadOnlyList<List<int>> groups, double[,] distance)
    {
        var left = groups.OrderBy(g => g.Count).ThenBy(g => g.Min()).ToList();
        var ordered = new List<List<int>>();
        while (left.Count > 0)
        {
            var next = ordered.Count == 0 ? left[0] : left.MaxBy(g => ordered.Min(taken => Linkage(distance, g, taken)))!;
            ordered.Add(next);
            left.Remove(next);
        }
        return ordered;
    }

    /// <summary>
    /// Whether the test recordings are by speakers the training data has (their voices, not their words, are compared):
    /// the median distance from a test recording to its nearest training recording is at most twice the median distance
    /// from a training recording to its nearest other one, which is nearly always the same speaker.
    /// </summary>
    public static (bool Known, double TestDistance, double SameSpeakerDistance) TestSpeakersKnown(
        double[,] distance, IReadOnlyList<double[]> train, IReadOnlyList<double[]> test)
    {
        if (train.Count < 2 || test.Count == 0) return (false, 0, 0);
        var sameSpeaker = Median(train.Select((_, i) => Enumerable.Range(0, train.Count).Where(j => j != i).Min(j => distance[i, j])));
        var testDistance = Median(test.Select(a => train.Min(b => VoiceSignature.Distance(a, b))));
        return (testDistance <= 2 * sameSpeaker, testDistance, sameSpeaker);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Linkage(double[,] distance, List<int> a, List<int> b) => a.SelectMany(i => b.Select(j => distance[i, j])).Average();

    public static double[,] Distances(IReadOnlyList<double[]> signatures)
    {
        var distance = new double[signatures.Count, signatures.Count];
        for (var i = 0; i < signatures.Count; i++)
            for (var j = 0; j < signatures.Count; j++) distance[i, j] = VoiceSignature.Distance(signatures[i], signatures[j]);
        return distance;
    }
}
