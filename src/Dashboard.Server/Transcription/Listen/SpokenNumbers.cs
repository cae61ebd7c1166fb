namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// Reads runs of spoken number words ("two hundred and five", "one million two hundred thousand") as values. A run
/// ends where the next word could not continue the number: "three four" and "twenty twenty four" are two numbers each.
/// </summary>
public static class SpokenNumbers
{
    public enum Kind { Unit, Teen, Tens, Hundred, Scale }

    private static readonly Dictionary<string, (long Value, Kind Kind)> Words = Build();

    public static bool IsNumberWord(string word) => Words.ContainsKey(word);

    /// <summary>"twenty twenty four", "nineteen ninety nine": a second two-digit number spoken after a first reads as a year.</summary>
    public static bool StartsTwoDigitPair(string word) => Words.TryGetValue(word, out var entry) && entry.Kind is Kind.Teen or Kind.Tens;

    /// <summary>The number starting at <paramref name="start"/>: its value and how many words it took (0 when none).</summary>
    public static (long Value, int Count) Read(IReadOnlyList<string> words, int start)
    {
        var (total, current, count) = (0L, 0L, 0);
        Kind? last = null;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "and" && last is Kind.Hundred or Kind.Scale && i + 1 < words.Count && Words.TryGetValue(words[i + 1], out var after) && after.Kind is not (Kind.Hundred or Kind.Scale))
                continue;
            if (!Words.TryGetValue(word, out var entry) || !Continues(last, entry, current)) break;
            switch (entry.Kind)
            {
                case Kind.Hundred: current = Math.Max(current, 1) * 100; break;
                case Kind.Scale: total += Math.Max(current, 1) * entry.Value; current = 0; break;
                default: current += entry.Value; break;
            }
            last = entry.Kind;
            count = i - start + 1;
        }
        var value = total + current;
        return (value, count);
    }

    private static bool Continues(Kind? last, (long Value, Kind Kind) next, long current) => last switch
    {
        null => true,
        Kind.Unit or Kind.Teen => next.Kind is Kind.Hundred or Kind.Scale,
        Kind.Tens => next.Kind is Kind.Unit && next.Value > 0 || next.Kind is Kind.Scale,
        Kind.Hundred => next.Kind is Kind.Unit or Kind.Teen or Kind.Tens or Kind.Scale,
        Kind.Scale => next.Kind is Kind.Unit or Kind.Teen or Kind.Tens,
        _ => false,
    } && !(next.Kind == Kind.Hundred && current >= 100);

    private static Dictionary<string, (long, Kind)> Build()
    {
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        var words = new Dictionary<string, (long, Kind)>(StringComparer.Ordinal);
        for (var i = 0; i < units.Length; i++) words[units[i]] = (i, Kind.Unit);
        for (var i = 0; i < teens.Length; i++) words[teens[i]] = (10 + i, Kind.Teen);
        for (var i = 0; i < tens.Length; i++) words[tens[i]] = (20 + 10 * i, Kind.Tens);
        words["hundred"] = (100, Kind.Hundred);
        words["thousand"] = (1_000, Kind.Scale);
        words["million"] = (1_000_000, Kind.Scale);
        words["billion"] = (1_000_000_000, Kind.Scale);
        return words;
    }
}
