namespace Dashboard.Server.Speech;

/// <summary>PocketSphinx command-line arguments ("-name value" pairs); it refuses a name given twice, so overrides replace.</summary>
public static class DecoderArgumentList
{
    /// <summary>The pairs of <paramref name="baseArguments"/>, each replaced by the pair of the same name in <paramref name="overrides"/>, then the overrides' new names.</summary>
    public static IReadOnlyList<string> Merge(string baseArguments, string overrides)
    {
        var merged = Pairs(baseArguments).ToList();
        foreach (var (name, value) in Pairs(overrides))
        {
            var at = merged.FindIndex(p => p.Name == name);
            if (at >= 0) merged[at] = (name, value);
            else merged.Add((name, value));
        }
        return [.. merged.SelectMany(p => new[] { p.Name, p.Value })];
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length % 2 != 0 || words.Where((_, i) => i % 2 == 0).Any(w => !w.StartsWith('-')))
            throw new InvalidOperationException($"PocketSphinx arguments must be \"-name value\" pairs: '{arguments}'.");
        for (var i = 0; i < words.Length; i += 2) yield return (words[i], words[i + 1]);
    }
}
