using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Tests.Sphinx.Corpora;

namespace Dashboard.Bench.Accuracy;

/// <summary>
/// A domain written in a text file, so the bench can run one that is not part of the project (a held-out check):
/// <code>
/// name: insurance claims
/// base: general
/// Claim #{1000-9999} was filed on {Monday|Tuesday} at {time}.
/// </code>
/// One sentence template per line (# starts a comment). A slot <c>{a|b|c}</c> picks one of its choices,
/// <c>{19-90}</c> a whole number in that range, <c>{time}</c> a clock time such as "3:15 pm".
/// </summary>
public static partial class TemplateFile
{
    public static DomainTemplates Load(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        string? Header(string key) => lines.FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))?[(key.Length + 1)..].Trim();
        var templates = lines.Where(l => !l.StartsWith("name:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("base:", StringComparison.OrdinalIgnoreCase))
            .Select(Compile).ToList();
        if (templates.Count == 0) throw new InvalidDataException($"{path} has no sentence templates.");
        return new DomainTemplates(Header("name") ?? Path.GetFileNameWithoutExtension(path), Header("base") ?? "general", templates);
    }

    private static Func<Random, string> Compile(string template) =>
        random => Slot().Replace(template, match => Fill(match.Groups[1].Value, random));

    private static string Fill(string slot, Random random)
    {
        if (slot == "time") return DomainTemplates.Time(random);
        if (Range().Match(slot) is { Success: true } range)
            return random.Next(int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return DomainTemplates.Pick(random, slot.Split('|'));
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Slot();

    [GeneratedRegex(@"^(\d+)-(\d+)$")]
    private static partial Regex Range();
}
