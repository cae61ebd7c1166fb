namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>Training recordings split into those the tuning candidates are fitted on and held-out speaker groups they are judged on.</summary>
public sealed record HeldOutSplit(IReadOnlyList<PreparedUtterance> Fit, IReadOnlyList<IReadOnlyList<PreparedUtterance>> HeldOutGroups)
{
    public const int MinimumRecordings = 4;
    private const double HeldOutShare = 0.2;

    public IReadOnlyList<PreparedUtterance> HeldOut => HeldOutGroups.SelectMany(g => g).ToList();

    public static HeldOutSplit None(IReadOnlyList<PreparedUtterance> train) => new(train, []);

    /// <summary>
    /// Whole speaker groups (see <see cref="SpeakerGroups"/>), smallest first, are held out until about a fifth of the
    /// recordings or <paramref name="maxSeconds"/> of audio; a group larger than what is left is held out in part.
    /// </summary>
    public static HeldOutSplit Choose(IReadOnlyList<PreparedUtterance> train, IReadOnlyList<List<int>> speakerGroups, double maxSeconds)
    {
        if (train.Count < MinimumRecordings) return None(train);
        var target = Math.Max(1, (int)Math.Round(train.Count * HeldOutShare));
        var (held, seconds) = (new List<IReadOnlyList<PreparedUtterance>>(), 0.0);
        foreach (var group in speakerGroups.OrderBy(g => g.Count).ThenBy(g => g.Min()))
        {
            if (held.Sum(g => g.Count) >= target || seconds >= maxSeconds) break;
            if (speakerGroups.Count - held.Count <= 1) break; // at least one group stays for fitting
            var taken = new List<PreparedUtterance>();
            foreach (var index in group.Order())
            {
                if (held.Sum(g => g.Count) + taken.Count >= target || seconds >= maxSeconds) break;
                taken.Add(train[index]);
                seconds += train[index].Seconds;
            }
            if (taken.Count > 0) held.Add(taken);
        }
        var heldOut = held.SelectMany(g => g).ToHashSet();
        return new HeldOutSplit(train.Where(u => !heldOut.Contains(u)).ToList(), held);
    }
}
