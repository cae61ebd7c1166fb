namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>Training recordings split into those the tuning candidates are fitted on and held-out speaker groups they are judged on.</summary>
public sealed record HeldOutSplit(IReadOnlyList<PreparedUtterance> Fit, IReadOnlyList<IReadOnlyList<PreparedUtterance>> HeldOutGroups)
{
    public const int MinimumRecordings = 4;
    public const int MaxHeldOutGroups = 3;
    private const double HeldOutShare = 0.2;

    public IReadOnlyList<PreparedUtterance> HeldOut => HeldOutGroups.SelectMany(g => g).ToList();

    public static HeldOutSplit None(IReadOnlyList<PreparedUtterance> train) => new(train, []);

    /// <summary>
    /// Up to <see cref="MaxHeldOutGroups"/> speaker groups, taken in the order given (see <see cref="SpeakerGroups.SpreadOrder"/>),
    /// each with an equal share of about a fifth of the recordings and of <paramref name="maxSeconds"/> of audio; at least one
    /// group stays for fitting. Several unlike groups judge a setting better than one: a change must help each of them.
    /// </summary>
    public static HeldOutSplit Choose(IReadOnlyList<PreparedUtterance> train, IReadOnlyList<List<int>> speakerGroups, double maxSeconds)
    {
        var groupCount = Math.Min(MaxHeldOutGroups, speakerGroups.Count - 1);
        if (train.Count < MinimumRecordings || groupCount < 1) return None(train);
        var recordingsPerGroup = (int)Math.Ceiling(Math.Max(1, Math.Round(train.Count * HeldOutShare)) / groupCount);
        var secondsPerGroup = maxSeconds / groupCount;
        var held = new List<IReadOnlyList<PreparedUtterance>>();
        foreach (var group in speakerGroups.Take(groupCount))
        {
            var (taken, seconds) = (new List<PreparedUtterance>(), 0.0);
            foreach (var index in group.Order())
            {
                if (taken.Count >= recordingsPerGroup || seconds >= secondsPerGroup) break;
                taken.Add(train[index]);
                seconds += train[index].Seconds;
            }
            held.Add(taken);
        }
        var heldOut = held.SelectMany(g => g).ToHashSet();
        return new HeldOutSplit(train.Where(u => !heldOut.Contains(u)).ToList(), held);
    }
}
