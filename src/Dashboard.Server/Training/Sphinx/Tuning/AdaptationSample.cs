namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>
/// The fitted recordings the MLLR transform is estimated on: all of them up to <see cref="Speech.SphinxOptions.AdaptationSeconds"/>
/// of audio, else a sample of about that length taken in turn from every speaker group, so that each voice is in it.
/// The transform is global (one matrix, about 1,600 parameters): half an hour of speech (180,000 frames) estimates it
/// about as well as five hours, while bw's cost grows with every hour it aligns.
/// </summary>
public static class AdaptationSample
{
    public static IReadOnlyList<PreparedUtterance> Take(IReadOnlyList<PreparedUtterance> fit, IEnumerable<IEnumerable<PreparedUtterance>> speakerGroups, double maxSeconds)
    {
        var seconds = fit.ToDictionary(u => u.PcmPath, u => u.Seconds);
        if (seconds.Values.Sum() <= maxSeconds) return fit;
        var queues = speakerGroups.Select(g => new Queue<PreparedUtterance>(g.Where(u => seconds.ContainsKey(u.PcmPath)))).Where(q => q.Count > 0).ToList();
        var taken = new HashSet<string>();
        var total = 0.0;
        while (total < maxSeconds && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                var next = queue.Dequeue();
                if (!taken.Add(next.PcmPath)) continue;
                total += seconds[next.PcmPath];
                if (total >= maxSeconds) break;
            }
        }
        return [.. fit.Where(u => taken.Contains(u.PcmPath))];
    }
}
