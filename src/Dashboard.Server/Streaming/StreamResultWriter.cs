using Dashboard.Server.Transcription;
using Dashboard.Server.Transcription.Listen;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Streaming;

/// <summary>Turns a stream's recognizer events into Deepgram's live messages, formatted as the options ask (punctuate, smart_format).</summary>
public sealed class StreamResultWriter(StreamOptions options, ResolvedModel model, string requestId)
{
    public string ModelUuid { get; } = DeepgramModelNames.IdOf(model.DecoderKey).ToString();

    public StreamModelInfo ModelInfo { get; } = new(model.Name, model.DecoderKey, "pocketsphinx");

    public object ToMessage(LiveEvent live) => live switch
    {
        LiveResult result => Results(result),
        LiveSpeechStarted started => new SpeechStartedMessage(StreamMessages.MonoChannel, started.Timestamp),
        LiveUtteranceEnd end => new UtteranceEndMessage(StreamMessages.MonoChannel, end.LastWordEnd),
        _ => throw new ArgumentOutOfRangeException(nameof(live)),
    };

    private StreamResults Results(LiveResult result)
    {
        var words = result.Words.Select(w => new DeepgramWord(w.Word, w.Start, w.End, w.Confidence)).ToList();
        var formatted = TranscriptFormatter.Format(words, options.Listen.FormatsText, options.Listen.SmartFormat);
        var confidence = words.Count == 0 ? 0 : Math.Round(words.Average(w => w.Confidence), 4);
        return new StreamResults(StreamMessages.MonoChannel, Math.Round(result.End - result.Start, 3), Math.Round(result.Start, 3),
            result.IsFinal, result.SpeechFinal, result.FromFinalize,
            new StreamChannel([new StreamAlternative(formatted.Transcript, confidence, formatted.Words)]),
            new StreamResultMetadata(requestId, ModelInfo, ModelUuid));
    }

    public StreamMetadataMessage Metadata(string sha256, DateTimeOffset created, double seconds) =>
        new("deprecated", requestId, sha256, created, Math.Round(seconds, 3), options.Channels, [ModelUuid],
            new Dictionary<string, StreamModelInfo> { [ModelUuid] = ModelInfo });
}
