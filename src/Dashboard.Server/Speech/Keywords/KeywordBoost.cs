using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Server.Errors;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Server.Speech.Keywords;

/// <summary>A word or phrase to favour in one request, normalized as transcripts are, with Deepgram's intensifier (1 by default).</summary>
public sealed record KeywordTerm(IReadOnlyList<string> Words, double Intensifier)
{
    public string Phrase => string.Join(' ', Words);
}

/// <summary>
/// The terms of one request (Deepgram's `keywords=word:intensifier` and `keyterm=phrase`), merged and ordered so that
/// the same set always gets the same <see cref="CacheKey"/> (and so the same warm decoder).
/// </summary>
public sealed class KeywordBoost
{
    public const int MaxTerms = 100;
    public const int MaxWordsPerTerm = 10;
    public const double MaxIntensifier = 100;

    private KeywordBoost(IReadOnlyList<KeywordTerm> terms)
    {
        Terms = terms;
        var canonical = string.Join('\n', terms.Select(t => $"{t.Phrase}:{t.Intensifier.ToString("R", CultureInfo.InvariantCulture)}"));
        CacheKey = terms.Count == 0 ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    public IReadOnlyList<KeywordTerm> Terms { get; }

    public string CacheKey { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static readonly KeywordBoost None = new([]);

    /// <summary>
    /// Parses `keywords` values (`word`, `word:2`, `two words:1.5`) and `keyterm` values (a phrase); with
    /// <paramref name="commaSeparated"/> a value may also list several terms separated by commas.
    /// </summary>
    public static KeywordBoost Parse(IEnumerable<string?>? keywords, IEnumerable<string?>? keyterms, bool commaSeparated)
    {
        var terms = new Dictionary<string, KeywordTerm>(StringComparer.Ordinal);
        foreach (var raw in Split(keywords, commaSeparated)) Add(terms, ParseKeyword(raw), "keywords", raw);
        foreach (var raw in Split(keyterms, commaSeparated)) Add(terms, (raw, 1), "keyterm", raw);
        if (terms.Count > MaxTerms)
            throw ApiErrors.Validation("keywords", $"At most {MaxTerms} keywords and keyterms may be sent with one request; this one has {terms.Count}.");
        return terms.Count == 0 ? None : new KeywordBoost(terms.Values.OrderBy(t => t.Phrase, StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<string> Split(IEnumerable<string?>? values, bool commaSeparated) =>
        (values ?? []).Where(v => v is not null)
            .SelectMany(v => commaSeparated ? v!.Split(',') : [v!])
            .Select(v => v.Trim()).Where(v => v.Length > 0);

    /// <summary>`word:intensifier`: the intensifier is the number after the last colon, if there is one.</summary>
    private static (string Phrase, double Intensifier) ParseKeyword(string raw)
    {
        var colon = raw.LastIndexOf(':');
        if (colon <= 0) return (raw, 1);
        var number = raw[(colon + 1)..].Trim();
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var intensifier)) return (raw, 1);
        if (!double.IsFinite(intensifier) || intensifier <= 0 || intensifier > MaxIntensifier)
            throw ApiErrors.Validation("keywords", $"The intensifier of '{raw}' must be a number above 0 and at most {MaxIntensifier:0}; " +
                "suppressing a word with a negative intensifier is not supported.");
        return (raw[..colon], intensifier);
    }

    private static void Add(Dictionary<string, KeywordTerm> terms, (string Phrase, double Intensifier) parsed, string field, string raw)
    {
        var words = TranscriptNormalizer.Normalize(parsed.Phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) throw ApiErrors.Validation(field, $"'{raw}' has no words to listen for.");
        if (words.Length > MaxWordsPerTerm) throw ApiErrors.Validation(field, $"'{raw}' is longer than {MaxWordsPerTerm} words; send shorter terms.");
        var term = new KeywordTerm(words, parsed.Intensifier);
        terms[term.Phrase] = terms.TryGetValue(term.Phrase, out var seen) && seen.Intensifier >= term.Intensifier ? seen : term;
    }
}
