using System.Globalization;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// smart_format's rewriting of recognized words: spoken numbers as numerals (from 10 up, or when part of a format),
/// years, times ("three thirty p m" → "3:30 PM"), percentages ("25%") and dollar amounts ("$12.50"). A rewritten
/// stretch becomes one word spanning the times of the words it replaced.
/// </summary>
public static class SmartFormatter
{
    private sealed record Token(string Text, double Start, double End, double Confidence, long? Value = null, int Words = 1, string? FirstWord = null)
    {
        public bool IsNumber => Value is not null;
    }

    private static readonly string[] Am = ["am", "a.m.", "a.m"];
    private static readonly string[] Pm = ["pm", "p.m.", "p.m"];

    public static IReadOnlyList<DeepgramWord> Apply(IReadOnlyList<DeepgramWord> words)
    {
        var tokens = Numbers(words);
        var output = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var (token, used) = Time(tokens, i) ?? Money(tokens, i) ?? Percent(tokens, i) ?? Year(tokens, i) ?? (Plain(tokens[i]), 1);
            output.Add(token);
            i += used;
        }
        return output.Select(t => new DeepgramWord(t.Text, t.Start, t.End, Math.Round(t.Confidence, 4))).ToList();
    }

    private static List<Token> Numbers(IReadOnlyList<DeepgramWord> words)
    {
        var texts = words.Select(w => w.Word.ToLowerInvariant()).ToList();
        var tokens = new List<Token>();
        for (var i = 0; i < words.Count;)
        {
            var (value, count) = SpokenNumbers.Read(texts, i);
            if (count == 0)
            {
                tokens.Add(new Token(words[i].Word, words[i].Start, words[i].End, words[i].Confidence));
                i++;
                continue;
            }
            tokens.Add(Merge(words.Skip(i).Take(count).Select(w => new Token(w.Word, w.Start, w.End, w.Confidence)).ToList(),
                value.ToString(CultureInfo.InvariantCulture)) with { Value = value, Words = count, FirstWord = texts[i] });
            i += count;
        }
        return tokens;
    }

    /// <summary>A lone small number stays a word ("one of them"); longer or larger ones become numerals.</summary>
    private static Token Plain(Token t) => t.IsNumber && t.Words == 1 && t.Value < 10 ? t with { Text = t.FirstWord! } : t;

    private static (Token, int)? Time(List<Token> t, int i)
    {
        if (!(t[i].Value is >= 1 and <= 12)) return null;
        var next = i + 1;
        var minutes = 0L;
        if (At(t, next) is { Value: >= 10 and <= 59 } m && m.Words <= 2) { minutes = m.Value!.Value; next++; }
        else if (At(t, next)?.Text == "oh" && At(t, next + 1) is { Value: >= 1 and <= 9 } single) { minutes = single.Value!.Value; next += 2; }
        var (half, used) = Meridiem(t, next);
        if (half is null) return null;
        var text = next == i + 1 ? $"{Numeral(t[i].Value)} {half}" : $"{Numeral(t[i].Value)}:{minutes.ToString("00", CultureInfo.InvariantCulture)} {half}";
        return (Merge(t.GetRange(i, next + used - i), text), next + used - i);
    }

    private static (string?, int) Meridiem(List<Token> t, int i)
    {
        var word = At(t, i)?.Text.ToLowerInvariant();
        if (word is null) return (null, 0);
        if (Am.Contains(word)) return ("AM", 1);
        if (Pm.Contains(word)) return ("PM", 1);
        if (word is "a" or "p" && At(t, i + 1)?.Text.ToLowerInvariant() is "m" or "m.") return (word == "a" ? "AM" : "PM", 2);
        return (null, 0);
    }

    private static (Token, int)? Money(List<Token> t, int i)
    {
        if (!t[i].IsNumber || At(t, i + 1)?.Text.ToLowerInvariant() is not ("dollars" or "dollar")) return null;
        if (At(t, i + 2)?.Text == "and" && At(t, i + 3) is { Value: >= 1 and <= 99 } cents && At(t, i + 4)?.Text.ToLowerInvariant() is "cents" or "cent")
            return (Merge(t.GetRange(i, 5), $"${Money(t[i].Value)}.{cents.Value!.Value.ToString("00", CultureInfo.InvariantCulture)}"), 5);
        return (Merge(t.GetRange(i, 2), $"${Money(t[i].Value)}"), 2);
    }

    private static (Token, int)? Percent(List<Token> t, int i)
    {
        if (!t[i].IsNumber) return null;
        var used = At(t, i + 1)?.Text.ToLowerInvariant() switch
        {
            "percent" => 2,
            "per" when At(t, i + 2)?.Text.ToLowerInvariant() == "cent" => 3,
            _ => 0,
        };
        return used == 0 ? null : (Merge(t.GetRange(i, used), $"{Numeral(t[i].Value)}%"), used);
    }

    private static (Token, int)? Year(List<Token> t, int i) =>
        t[i] is { Value: >= 11 and <= 99, Words: <= 2 } && At(t, i + 1) is { Value: >= 10 and <= 99, FirstWord: { } first } second
            && SpokenNumbers.StartsTwoDigitPair(first) && t[i].FirstWord is { } own && SpokenNumbers.StartsTwoDigitPair(own)
            ? (Merge(t.GetRange(i, 2), Numeral(t[i].Value * 100 + second.Value)), 2)
            : null;

    private static string Numeral(long? value) => value!.Value.ToString(CultureInfo.InvariantCulture);

    private static string Money(long? value) => value!.Value.ToString("#,0", CultureInfo.InvariantCulture);

    private static Token? At(List<Token> t, int i) => i < t.Count ? t[i] : null;

    private static Token Merge(IReadOnlyList<Token> parts, string text) =>
        new(text, parts[0].Start, parts[^1].End, parts.Average(p => p.Confidence));
}
