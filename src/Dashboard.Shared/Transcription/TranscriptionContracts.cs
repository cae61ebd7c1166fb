using System.Text.Json.Serialization;

namespace Dashboard.Shared.Transcription;

/// <summary>One recognized word: times in seconds from the start of the audio, confidence in [0, 1].</summary>
public sealed record TranscriptionWordDto(string Word, double Start, double End, double Confidence);

/// <summary>
/// POST /api/v3/stt answer. <see cref="ServedBy"/> (beyond the seed) says what answered: `custom_model_{id}/v{n}` for a
/// custom model's serving version, or the base model (a base model request, or a custom model whose versions are all worse than it).
/// </summary>
public sealed record TranscriptionResponse(string Transcript, IReadOnlyList<TranscriptionWordDto> Words, string Model, double Duration, string ServedBy);

/// <summary>Word errors of one hypothesis against its reference.</summary>
public sealed record ErrorCountsDto(int Substitutions, int Deletions, int Insertions, int ReferenceWords, double WordErrorRate, double CharacterErrorRate);

[JsonConverter(typeof(JsonStringEnumConverter<WordAlignmentKind>))]
public enum WordAlignmentKind : byte
{
    [JsonStringEnumMemberName("correct")] Correct,
    [JsonStringEnumMemberName("substitution")] Substitution,
    [JsonStringEnumMemberName("deletion")] Deletion,
    [JsonStringEnumMemberName("insertion")] Insertion,
}

/// <summary>One step of a word alignment: a deletion has no hypothesis word, an insertion no reference word.</summary>
public sealed record AlignedWordDto(string? ReferenceWord, string? HypothesisWord, WordAlignmentKind Kind);

/// <summary>
/// One test utterance decoded with the base model and with the custom model. <see cref="DataFileId"/> names the test
/// pair (its audio is at GET /api/v3/custom_models/{id}/data/{file_id}/audio); the alignments are the word-level diffs
/// behind the counts. The data file and alignments are null in evaluations stored before they existed, until filled in on
/// reading. A recording with several sentences is evaluated sentence by sentence: each one's span of the audio is
/// <see cref="StartSeconds"/> to <see cref="EndSeconds"/> (null when the utterance is the whole recording).
/// </summary>
public sealed record UtteranceEvaluationDto(
    string File,
    string Reference,
    string BaseHypothesis,
    string CustomHypothesis,
    ErrorCountsDto Base,
    ErrorCountsDto Custom,
    int? DataFileId = null,
    IReadOnlyList<AlignedWordDto>? BaseAlignment = null,
    IReadOnlyList<AlignedWordDto>? CustomAlignment = null,
    double? StartSeconds = null,
    double? EndSeconds = null);

/// <summary>GET /api/v3/custom_models/{id}/evaluation: the test-set evaluation of the model's current version.</summary>
public sealed record EvaluationResponse(
    int ModelId,
    int Version,
    string Engine,
    string BaseModel,
    double WordErrorRate,
    double BaseWordErrorRate,
    double CharacterErrorRate,
    double? BaseCharacterErrorRate,
    double AccuracyImprovement,
    IReadOnlyList<UtteranceEvaluationDto> Utterances);
