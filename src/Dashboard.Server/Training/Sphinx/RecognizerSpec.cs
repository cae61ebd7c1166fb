namespace Dashboard.Server.Training.Sphinx;

/// <summary>A pronunciation added to the stock dictionary: a word and its phones in the acoustic model's phone set.</summary>
public sealed record Pronunciation(string Word, string Phones);

/// <summary>
/// What one decoder loads: the stock acoustic model and dictionary, extra pronunciations, and either the stock
/// language model alone or the stock one interpolated with a domain model (<see cref="DomainLanguageModelPath"/>), and
/// optionally an MLLR transform of the acoustic model's means (<see cref="AcousticTransformPath"/>).
/// </summary>
public sealed record RecognizerSpec(
    string Key,
    IReadOnlyList<Pronunciation> ExtraPronunciations,
    string? DomainLanguageModelPath = null,
    double DomainWeight = 0,
    string? AcousticTransformPath = null,
    double? LanguageWeight = null)
{
    public static RecognizerSpec Stock(string key, IReadOnlyList<Pronunciation>? extra = null) => new(key, extra ?? []);
}

/// <summary>One recognized word with its times in seconds and a confidence in [0, 1].</summary>
public sealed record RecognizedWord(string Word, double Start, double End, double Confidence);

public sealed record Recognition(IReadOnlyList<RecognizedWord> Words, double DurationSeconds)
{
    public string Transcript => string.Join(' ', Words.Select(w => w.Word));

    public double Confidence => Words.Count == 0 ? 0 : Math.Round(Words.Average(w => w.Confidence), 4);
}
