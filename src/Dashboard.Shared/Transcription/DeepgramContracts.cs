using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dashboard.Shared.Transcription;

/// <summary>POST /v1/listen answer, in Deepgram's pre-recorded response shape (serialized snake_case like Deepgram's).</summary>
public sealed record DeepgramResponse(DeepgramMetadata Metadata, DeepgramResults Results);

/// <summary>
/// <see cref="Tags"/> echoes the request's `tag` values and <see cref="Extra"/> its `extra=key:value` pairs (keys kept
/// exactly as sent, hence a JSON object rather than a dictionary under the snake_case key policy); both are left out when absent.
/// </summary>
public sealed record DeepgramMetadata(
    string TransactionKey,
    string RequestId,
    string Sha256,
    DateTimeOffset Created,
    double Duration,
    int Channels,
    IReadOnlyList<string> Models,
    IReadOnlyDictionary<string, DeepgramModelInfo> ModelInfo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Tags = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Extra = null);

/// <summary>metadata.model_info[id]: the requested model name; <see cref="Version"/> says what answered (`custom_model_{id}/v{n}` or a base model).</summary>
public sealed record DeepgramModelInfo(string Name, string Version, string Arch);

public sealed record DeepgramResults(
    IReadOnlyList<DeepgramChannel> Channels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DeepgramUtterance>? Utterances = null);

public sealed record DeepgramChannel(IReadOnlyList<DeepgramAlternative> Alternatives);

public sealed record DeepgramAlternative(
    string Transcript,
    double Confidence,
    IReadOnlyList<DeepgramWord> Words,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeepgramParagraphs? Paragraphs = null);

/// <summary>A recognized word; <see cref="PunctuatedWord"/> (cased, punctuated, formatted) only with punctuate or smart_format.</summary>
public sealed record DeepgramWord(
    string Word,
    double Start,
    double End,
    double Confidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PunctuatedWord = null);

/// <summary>results.utterances[]: a stretch of speech between pauses of at least utt_split seconds.</summary>
public sealed record DeepgramUtterance(
    double Start, double End, double Confidence, int Channel, string Transcript, IReadOnlyList<DeepgramWord> Words, string Id);

/// <summary>alternatives[].paragraphs: the transcript as paragraphs of sentences.</summary>
public sealed record DeepgramParagraphs(string Transcript, IReadOnlyList<DeepgramParagraph> Paragraphs);

public sealed record DeepgramParagraph(IReadOnlyList<DeepgramSentence> Sentences, int NumWords, double Start, double End);

public sealed record DeepgramSentence(string Text, double Start, double End);

/// <summary>The immediate answer to a request with `callback`: the result comes later, POSTed to the callback URL.</summary>
public sealed record DeepgramAccepted(string RequestId);

/// <summary>Errors on /v1/* in Deepgram's shape, so Deepgram SDKs show the message.</summary>
public sealed record DeepgramError(string ErrCode, string ErrMsg, string RequestId);
