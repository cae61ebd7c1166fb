using Dashboard.Server.Speech.Keywords;
using Dashboard.Server.Privacy;
using System.Globalization;
using Dashboard.Server.Errors;
using static Dashboard.Server.Transcription.Listen.DeepgramQuery;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// The Deepgram query options /v1/listen acts on. Options it does not know are ignored, as Deepgram's clients send many;
/// a known option with a bad value is a 400 naming it. The raw query is kept so a callback job can parse it again.
/// </summary>
public sealed record ListenOptions
{
    public const double DefaultUttSplit = 0.8;

    public string? Model { get; init; }
    public string? Language { get; init; }
    public bool? MipOptOut { get; init; }

    /// <summary>keywords=word:intensifier and keyterm=phrase, boosted for this request only.</summary>
    public KeywordBoost Keywords { get; init; } = KeywordBoost.None;
    public bool Punctuate { get; init; }
    public bool SmartFormat { get; init; }
    public bool Utterances { get; init; }
    public double UttSplit { get; init; } = DefaultUttSplit;
    public bool Paragraphs { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Extra { get; init; } = [];
    public string? Callback { get; init; }
    public string CallbackMethod { get; init; } = "POST";
    public string QueryString { get; init; } = "";

    /// <summary>Casing and punctuation are on with punctuate, smart_format (which includes it) or paragraphs (which needs sentences).</summary>
    public bool FormatsText => Punctuate || SmartFormat || Paragraphs;

    public static ListenOptions Parse(IQueryCollection query, string queryString) => new()
    {
        Model = Value(query, "model"),
        Language = Value(query, "language"),
        MipOptOut = MipOptOutFlag.Parse(Value(query, MipOptOutFlag.Name)),
        Keywords = KeywordBoost.Parse([.. Values(query, "keywords")], [.. Values(query, "keyterm")], commaSeparated: false), // one term per repeated key
        Punctuate = Flag(query, "punctuate") ?? false,
        SmartFormat = Flag(query, "smart_format") ?? false,
        Utterances = Flag(query, "utterances") ?? false,
        UttSplit = Seconds(query, "utt_split") ?? DefaultUttSplit,
        Paragraphs = Flag(query, "paragraphs") ?? false,
        Tags = Values(query, "tag").Select(t => t.Length <= 128 ? t : throw ApiErrors.Validation("tag", "A tag is at most 128 characters.")).ToList(),
        Extra = Values(query, "extra").Select(ExtraPair).ToList(),
        Callback = Value(query, "callback"),
        CallbackMethod = Method(Value(query, "callback_method")),
        QueryString = queryString,
    };

    private static double? Seconds(IQueryCollection query, string name) => Value(query, name) switch
    {
        null => null,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0.05 and <= 60 => value,
        _ => throw ApiErrors.Validation(name, $"{name} must be a number of seconds between 0.05 and 60."),
    };

    private static KeyValuePair<string, string> ExtraPair(string pair)
    {
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) throw ApiErrors.Validation("extra", $"extra must be KEY:VALUE; got '{pair}'.");
        if (pair.Length > 2048) throw ApiErrors.Validation("extra", "An extra key-value pair is at most 2048 characters.");
        return new(pair[..colon], pair[(colon + 1)..]);
    }

    private static string Method(string? method) => method?.ToUpperInvariant() switch
    {
        null or "POST" => "POST",
        "PUT" => "PUT",
        _ => throw ApiErrors.Validation("callback_method", "callback_method must be POST or PUT."),
    };
}
