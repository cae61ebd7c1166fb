using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.Server.Speech.Text;

/// <summary>
/// Turns a transcript into the words a speaker says: lower case, no punctuation, numbers, times, money and symbols
/// spelled out ("$5.50" → "five dollars fifty cents", "25%" → "twenty five percent", "120/80" → "one hundred twenty over eighty").
/// References and hypotheses both pass through it before they are compared.
/// </summary>
public static partial class TranscriptNormalizer
{
    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["mr"] = "mister", ["mrs"] = "missus", ["dr"] = "doctor", ["vs"] = "versus", ["etc"] = "et cetera",
    };
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['%'] = "percent", ['&'] = "and", ['+'] = "plus", ['='] = "equals", ['@'] = "at", ['#'] = "number", ['°'] = "degrees",
    };

    public static string Normalize(string text)
    {
        var s = StripAccents(text).ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'');
        s = TimePattern().Replace(s, m => $" {SpellTime(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value))} ");
        s = RatioPattern().Replace(s, "$1 over $2");
        s = RangePattern().Replace(s, "$1 to $2");
        s = MoneyPattern().Replace(s, m => $" {SpellMoney(m.Groups[1].Value[0], m.Groups[2].Value)} ");
        s = NumberPattern().Replace(s, m => $" {SpellNumber(m.Groups["neg"].Success, m.Groups["number"].Value, m.Groups["suffix"].Value)} ");
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (Symbols.TryGetValue(c, out var word)) builder.Append(' ').Append(word).Append(' ');
            else if (c is >= 'a' and <= 'z' or '\'') builder.Append(c);
            else builder.Append(' ');
        }
        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('\''))
            .Where(w => w.Length > 0)
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return string.Join(' ', words);
    }

    /// <summary>Sentences of a transcript (lines, or text ending in . ! ?), each normalized; empty ones dropped.</summary>
    public static IReadOnlyList<string> NormalizeSentences(string text) =>
        SentenceBreak().Split(text).Select(Normalize).Where(s => s.Length > 0).ToList();

    private static string SpellTime(int hours, int minutes) => minutes switch
    {
        0 => NumberWords.Cardinal(hours) + " o'clock",
        < 10 => NumberWords.Cardinal(hours) + " oh " + NumberWords.Cardinal(minutes),
        _ => NumberWords.Cardinal(hours) + " " + NumberWords.Cardinal(minutes),
    };

    private static string SpellMoney(char currency, string amount)
    {
        var (unit, units, cent) = currency switch { '£' => ("pound", "pounds", "pence"), '€' => ("euro", "euros", "cents"), _ => ("dollar", "dollars", "cents") };
        var parts = amount.Replace(",", "", StringComparison.Ordinal).Split('.');
        var whole = long.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 2 && parts[1].Length != 2) return $"{NumberWords.Cardinal(whole)} point {NumberWords.Digits(parts[1])} {units}";
        var cents = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var main = whole == 0 && cents > 0 ? "" : $"{NumberWords.Cardinal(whole)} {(whole == 1 ? unit : units)}";
        return cents == 0 ? main : $"{main} {NumberWords.Cardinal(cents)} {(cents == 1 && cent == "cents" ? "cent" : cent)}".Trim();
    }

    private static string SpellNumber(bool negative, string number, string suffix)
    {
        var sign = negative ? "minus " : "";
        var parts = number.Replace(",", "", StringComparison.Ordinal).Split('.');
        if (parts[0].Length > 15) return NumberWords.Digits(parts[0]);
        var whole = long.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 2) return $"{sign}{NumberWords.Cardinal(whole)} point {NumberWords.Digits(parts[1])}";
        if (suffix.Length > 0) return sign + NumberWords.Ordinal(whole);
        if (!negative && !number.Contains(',', StringComparison.Ordinal) && NumberWords.LooksLikeYear(number)) return NumberWords.Year((int)whole);
        return sign + NumberWords.Cardinal(whole);
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"\b(\d{1,2}):(\d{2})\b")] private static partial Regex TimePattern();
    [GeneratedRegex(@"(\d)\s*/\s*(\d)")] private static partial Regex RatioPattern();
    [GeneratedRegex(@"(\d)\s*[-–]\s*(\d)")] private static partial Regex RangePattern();
    [GeneratedRegex(@"([$£€])\s?(\d[\d,]*(?:\.\d+)?)")] private static partial Regex MoneyPattern();
    [GeneratedRegex(@"(?<neg>(?<![\w.])-)?(?<number>\d+(?:,\d{3})*(?:\.\d+)?)(?<suffix>st|nd|rd|th)?")] private static partial Regex NumberPattern();
    [GeneratedRegex(@"(?<!\b(?:[Mm]rs?|[Dd]r|[Vv]s|[Ss]t)\.)(?<=[.!?])\s+|[\r\n]+")] private static partial Regex SentenceBreak();
}
