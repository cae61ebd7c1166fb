namespace Dashboard.Server.Speech;

/// <summary>
/// A pronunciation added to the stock dictionary: a word and its phones in the acoustic model's phone set. Further
/// pronunciations of a word are named "word(2)", "word(3)" as in the CMU dictionary; the decoder reports the word.
/// </summary>
public sealed record Pronunciation(string Word, string Phones)
{
    public bool IsVariant => Word.EndsWith(')');

    /// <summary>The dictionary name of a word's pronunciation number <paramref name="index"/> (0: the word itself).</summary>
    public static string VariantName(string word, int index) => index == 0 ? word : $"{word}({index + 1})";
}

/// <summary>A language model file interpolated with the stock one at <see cref="Weight"/> (the stock model gets what the added ones leave).</summary>
public sealed record WeightedLanguageModel(string Path, double Weight);

/// <summary>
/// What one decoder loads: the stock acoustic model, dictionary and language model, plus extra pronunciations, language
/// models interpolated with the stock one (a trained domain model, a base model's vocabulary), and optionally an MLLR
/// transform of the acoustic model's means (<see cref="AcousticTransformPath"/>), and the search's language weight and
/// word insertion penalty when a model was tuned to other values than PocketSphinx's defaults, and optionally the
/// means, variances and sendump of a MAP-adapted acoustic model (<see cref="AdaptedAcousticModelFolder"/>) in place
/// of the stock ones (the stock model's mdef, transition matrices and feature parameters stay). A <see cref="Live"/> spec
/// decodes live streams with <see cref="SphinxOptions.LiveDecoderArguments"/>.
/// </summary>
public sealed record RecognizerSpec(
    string Key,
    IReadOnlyList<Pronunciation> ExtraPronunciations,
    IReadOnlyList<WeightedLanguageModel> AddedLanguageModels,
    string? AcousticTransformPath = null,
    double? LanguageWeight = null,
    double? WordInsertionPenalty = null,
    bool Live = false,
    string? AdaptedAcousticModelFolder = null)
{
    public static RecognizerSpec Stock(string key) => new(key, [], []);

    /// <summary>The pool key of the live-stream decoders of <paramref name="key"/> (they load other search settings).</summary>
    public static string LiveKey(string key) => $"{key}|live";

    /// <summary>This spec for a live stream's decoder: <see cref="SphinxOptions.LiveDecoderArguments"/> apply.</summary>
    public RecognizerSpec ForLiveStreams() => Live ? this : this with { Key = LiveKey(Key), Live = true };

    /// <summary>This spec with another's pronunciations (for words it lacks) and language models added.</summary>
    public RecognizerSpec Including(RecognizerSpec other)
    {
        var known = ExtraPronunciations.Select(p => p.Word).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            ExtraPronunciations = [.. ExtraPronunciations, .. other.ExtraPronunciations.Where(p => !known.Contains(p.Word))],
            AddedLanguageModels = [.. AddedLanguageModels, .. other.AddedLanguageModels],
        };
    }
}

/// <summary>One recognized word with its times in seconds and a confidence in [0, 1].</summary>
public sealed record RecognizedWord(string Word, double Start, double End, double Confidence);

public sealed record Recognition(IReadOnlyList<RecognizedWord> Words, double DurationSeconds)
{
    public string Transcript => string.Join(' ', Words.Select(w => w.Word));

    public double Confidence => ConfidenceOf(Words);

    /// <summary>The mean confidence of <paramref name="words"/> (0 for none).</summary>
    public static double ConfidenceOf(IReadOnlyList<RecognizedWord> words) => words.Count == 0 ? 0 : Math.Round(words.Average(w => w.Confidence), 4);
}
