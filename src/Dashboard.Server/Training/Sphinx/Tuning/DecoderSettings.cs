using System.Globalization;
using Dashboard.Server.Speech;

namespace Dashboard.Server.Training.Sphinx.Tuning;

/// <summary>
/// What tuning chooses for a custom model: the domain language model's interpolation weight (0: the domain model is
/// left out), the search's language weight and word insertion penalty (null: PocketSphinx's defaults), and whether the
/// MLLR transform is applied, or the MAP-adapted acoustic model (which has the transform in its means) is used.
/// </summary>
public sealed record DecoderSettings(double DomainWeight, double? LanguageWeight, double? WordInsertionPenalty, bool AcousticTransform, bool MapModel = false)
{
    /// <summary>The custom decoder for these settings: the domain model, transform and MAP model given, with the base model's vocabulary.</summary>
    public RecognizerSpec Spec(string key, IReadOnlyList<Pronunciation> added, string languageModelPath, string? transformPath, RecognizerSpec baseSpec,
        string? mapModelFolder = null) =>
        new RecognizerSpec(key, added,
            DomainWeight > 0 ? [new WeightedLanguageModel(languageModelPath, DomainWeight)] : [],
            AcousticTransform ? transformPath : null, LanguageWeight, WordInsertionPenalty, AdaptedAcousticModelFolder: MapModel ? mapModelFolder : null).Including(baseSpec);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"domain LM weight {DomainWeight:0.##}, language weight {LanguageWeight ?? SphinxDecoder.DefaultLanguageWeight:0.#}, " +
            $"word insertion penalty {WordInsertionPenalty ?? DefaultInsertionPenalty:0.##}, {(MapModel ? "acoustic model MAP-adapted (MLLR included)" : $"MLLR {(AcousticTransform ? "on" : "off")}")}");

    public const double DefaultInsertionPenalty = 0.65;
}
