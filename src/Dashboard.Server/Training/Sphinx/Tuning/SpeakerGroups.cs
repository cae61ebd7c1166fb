using Dashboard.Server.Speech.Segmentation;

namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>
/// Groups recordings that sound like the same speaker (average-linkage clustering of <see cref="VoiceSignature"/>s)
/// into about one group per six recordings, so held-out tuning can leave whole speakers out of what it fits.
/// </summary>
public static class SpeakerGroups
{
    public static List<List<int>> Cluster(IReadOnlyList<double[]> signatures)
    {
        var groups = Enumerable.Range(0, signatures.Count).Select(i => new List<int> { i }).ToList();
        var target = Math.Clamp(signatures.Count / 6, 2, 12);
        var distance = new double[signatures.Count, signatures.Count];
        for (var i = 0; i < signatures.Count; i++)
            for (var j = 0; j < signatures.Count; j++) distance[i, j] = VoiceSignature.Distance(signatures[i], signatures[j]);
        while (groups.Count > target)
        {
            var (bestA, bestB, best) = (0, 1, double.MaxValue);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    var d = groups[a].SelectMany(i => groups[b].Select(j => distance[i, j])).Average();
                    if (d < best) (bestA, bestB, best) = (a, b, d);
                }
            }
            groups[bestA].AddRange(groups[bestB]);
            groups.RemoveAt(bestB);
        }
        return groups;
    }
}
