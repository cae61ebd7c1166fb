using System.Text.Json.Nodes;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>A recognition in Deepgram's response shape, with the formatting, utterances, paragraphs and metadata the options ask for.</summary>
public static class DeepgramResponseBuilder
{
    public static DeepgramResponse Build(TranscriptionResult result, ListenOptions options, string sha256, DateTimeOffset created, string requestId)
    {
        var recognition = result.Recognition;
        var modelId = DeepgramModelNames.IdOf(result.Model.DecoderKey).ToString();
        var metadata = new DeepgramMetadata("deprecated", requestId, sha256, created, recognition.DurationSeconds, 1,
            [modelId], new Dictionary<string, DeepgramModelInfo> { [modelId] = new(result.Model.Name, result.Model.ServedBy, "pocketsphinx") },
            options.Tags.Count > 0 ? options.Tags : null, Extra(options));
        var words = recognition.Words.Select(w => new DeepgramWord(w.Word, w.Start, w.End, w.Confidence)).ToList();
        var formatted = TranscriptFormatter.Format(words, options.FormatsText, options.SmartFormat);
        var alternative = new DeepgramAlternative(formatted.Transcript, recognition.Confidence, formatted.Words,
            options.Paragraphs ? ParagraphBuilder.Build(formatted) : null);
        var utterances = options.Utterances ? UtteranceBuilder.Build(formatted.Words, options.UttSplit) : null;
        return new DeepgramResponse(metadata, new DeepgramResults([new DeepgramChannel([alternative])], utterances));
    }

    /// <summary>Deepgram answers `extra=k:v` as metadata.extra {"k": "v"}; a key sent twice keeps its last value.</summary>
    private static JsonObject? Extra(ListenOptions options)
    {
        if (options.Extra.Count == 0) return null;
        var extra = new JsonObject();
        foreach (var (key, value) in options.Extra) extra[key] = value;
        return extra;
    }
}
