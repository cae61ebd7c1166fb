namespace Dashboard.Shared.Transcription;

/// <summary>One recognized word: times in seconds from the start of the audio, confidence in [0, 1].</summary>
public sealed record TranscriptionWordDto(string Word, double Start, double End, double Confidence);

/// <summary>POST /api/v3/stt answer.</summary>
public sealed record TranscriptionResponse(string Transcript, IReadOnlyList<TranscriptionWordDto> Words, string Model, double Duration);

/// <summary>Word errors of one hypothesis against its reference.</summary>
public sealed record ErrorCountsDto(int Substitutions, int Deletions, int Insertions, int ReferenceWords, double WordErrorRate, double CharacterErrorRate);

/// <summary>One test utterance decoded with the base model and with the custom model.</summary>
public sealed record UtteranceEvaluationDto(
    string File,
    string Reference,
    string BaseHypothesis,
    string CustomHypothesis,
    ErrorCountsDto Base,
    ErrorCountsDto Custom);

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
