using Dashboard.Server.Speech;
using Dashboard.Server.Transcription;
using Dashboard.Server.Transcription.Listen;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Streaming;

/// <summary>Turns a stream's recognizer events into Deepgram's live messages, shaped as /v1/listen shapes a file's answer.</summary>
public sealed class StreamResultWriter(StreamOptions options, ResolvedModel model, string requestId)
{
    private readonly string modelUuid = DeepgramModelNames.IdOf(model);
    private readonly DeepgramModelInfo modelInfo = DeepgramModelNames.InfoOf(model);

    public object ToMessage(LiveEvent live) => live switch
    {
        LiveResult result => Results(result),
        LiveSpeechStarted started => new SpeechStartedMessage(StreamMessages.MonoChannel, started.Timestamp),
        LiveUtteranceEnd end => new UtteranceEndMessage(StreamMessages.MonoChannel, end.LastWordEnd),
        _ => throw new ArgumentOutOfRangeException(nameof(live)),
    };

    private StreamResults Results(LiveResult result)
    {
        var formatted = DeepgramResponseBuilder.Format(result.Words, options.Listen);
        return new StreamResults(StreamMessages.MonoChannel, Math.Round(result.End - result.Start, 3), Math.Round(result.Start, 3),
            result.IsFinal, result.SpeechFinal, result.FromFinalize,
            new DeepgramChannel([new DeepgramAlternative(formatted.Transcript, Recognition.ConfidenceOf(result.Words), formatted.Words)]),
            new StreamResultMetadata(requestId, modelInfo, modelUuid));
    }

    public StreamMetadataMessage Metadata(string sha256, DateTimeOffset created, double seconds) =>
        new("deprecated", requestId, sha256, created, Math.Round(seconds, 3), options.Channels, [modelUuid],
            new Dictionary<string, DeepgramModelInfo> { [modelUuid] = modelInfo });
}
