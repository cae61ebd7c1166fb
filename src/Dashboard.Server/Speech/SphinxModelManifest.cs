using System.Text.Json;

namespace Dashboard.Server.Speech;

/// <summary>
/// manifest.json of a trained sphinx model version: what a decoder needs to rebuild the custom model (the domain
/// language model, the added pronunciations, the settings tuning chose: interpolation weight (0: no domain model),
/// language weight, word insertion penalty, MLLR transform or none, MAP-adapted acoustic model files or none) and how it
/// was made. Stored next to those files.
/// </summary>
public sealed record SphinxModelManifest(
    string Format,
    int ModelId,
    int Version,
    string BaseModel,
    string Language,
    string AcousticModel,
    string BaseLanguageModel,
    string DomainLanguageModel,
    string DomainLanguageModelArpa,
    string Dictionary,
    double DomainWeight,
    int NgramOrder,
    int VocabularySize,
    int AddedPronunciations,
    int TrainingSentences,
    string AcousticAdaptation,
    string? AcousticTransform,
    DateTimeOffset CreatedAt,
    double? LanguageWeight = null,
    double? WordInsertionPenalty = null,
    string? Tuning = null,
    string? AdaptedAcousticModel = null)
{
    public const string CurrentFormat = "sphinx-custom-model/1";
    public const string FileName = "manifest.json";
    public const string EvaluationFileName = "evaluation.json";
    public const string ArpaFileName = "domain.arpa";
    public const string BinaryLanguageModelFileName = "domain.lm.bin";
    public const string DictionaryFileName = "extra.dict";
    public const string AcousticTransformFileName = "acoustic.mllr";
    /// <summary>The MAP-adapted model's files are stored as "acoustic-map.means", "acoustic-map.variances", "acoustic-map.sendump".</summary>
    public const string AdaptedAcousticModelName = "acoustic-map";

    /// <summary>The stored names of the MAP-adapted acoustic model's files, with the names the decoder reads them under.</summary>
    public IEnumerable<(string Stored, string Read)> AdaptedAcousticModelFiles() =>
        AdaptedAcousticModel is { } name ? Training.Sphinx.Adaptation.MapAdaptation.FileNames.Select(f => ($"{name}.{f}", f)) : [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
