namespace Dashboard.Shared.Transcription;

/// <summary>POST /v1/listen answer, in Deepgram's pre-recorded response shape (serialized snake_case like Deepgram's).</summary>
public sealed record DeepgramResponse(DeepgramMetadata Metadata, DeepgramResults Results);

public sealed record DeepgramMetadata(
    string TransactionKey,
    string RequestId,
    string Sha256,
    DateTimeOffset Created,
    double Duration,
    int Channels,
    IReadOnlyList<string> Models,
    IReadOnlyDictionary<string, DeepgramModelInfo> ModelInfo);

public sealed record DeepgramModelInfo(string Name, string Version, string Arch);

public sealed record DeepgramResults(IReadOnlyList<DeepgramChannel> Channels);

public sealed record DeepgramChannel(IReadOnlyList<DeepgramAlternative> Alternatives);

public sealed record DeepgramAlternative(string Transcript, double Confidence, IReadOnlyList<DeepgramWord> Words);

public sealed record DeepgramWord(string Word, double Start, double End, double Confidence);
