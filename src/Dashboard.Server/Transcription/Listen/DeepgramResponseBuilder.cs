using System.Text.Json.Nodes;
using Dashboard.Server.Speech;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>A recognition in Deepgram's response shape, with the formatting, utterances, paragraphs and metadata the options ask for.</summary>
public static class DeepgramResponseBuilder
{
    public static DeepgramResponse Build(TranscriptionResult result, ListenOptions options, string sha256, DateTimeOffset created, string requestId)
    {
        var recognition = result.Recognition;
        var modelId = DeepgramModelNames.IdOf(result.Model);
        var metadata = new DeepgramMetadata("deprecated", requestId, sha256, created, recognition.DurationSeconds, 1,
            [modelId], new Dictionary<string, DeepgramModelInfo> { [modelId] = DeepgramModelNames.InfoOf(result.Model) },
            options.Tags.Count > 0 ? options.Tags : null, Extra(options));
        var formatted = Format(recognition.Words, options);
        var alternative = new DeepgramAlternative(formatted.Transcript, recognition.Confidence, formatted.Words,
            options.Paragraphs ? ParagraphBuilder.Build(formatted) : null);
        var utterances = options.Utterances ? UtteranceBuilder.Build(formatted.Words, options.UttSplit) : null;
        return new DeepgramResponse(metadata, new DeepgramResults([new DeepgramChannel([alternative])], utterances));
    }

    /// <summary>Recognized words as Deepgram's words, cased and punctuated as the options ask (punctuate, smart_format); for files and streams.</summary>
    public static FormattedTranscript Format(IEnumerable<RecognizedWord> words, ListenOptions options) =>
        TranscriptFormatter.Format(words.Select(w => new DeepgramWord(w.Word, w.Start, w.End, w.Confidence)).ToList(), options.FormatsText, options.SmartFormat);

    /// <summary>Deepgram answers `extra=k:v` as metadata.extra {"k": "v"}; a key sent twice keeps its last value.</summary>
    private static JsonObject? Extra(ListenOptions options)
    {
        if (options.Extra.Count == 0) return null;
        var extra = new JsonObject();
        foreach (var (key, value) in options.Extra) extra[key] = value;
        return extra;
    }
}
