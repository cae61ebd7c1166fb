using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// paragraphs: the punctuated sentences grouped into paragraphs; a new one starts after a silence of at least
/// <see cref="ParagraphPause"/> seconds or once a paragraph holds <see cref="MaxSentences"/> sentences.
/// </summary>
public static class ParagraphBuilder
{
    public const double ParagraphPause = 1.5;
    public const int MaxSentences = 5;

    public static DeepgramParagraphs Build(FormattedTranscript transcript)
    {
        var words = transcript.Words;
        var paragraphs = new List<DeepgramParagraph>();
        var sentences = new List<(DeepgramSentence Sentence, int Words)>();
        foreach (var range in transcript.Sentences)
        {
            var (offset, length) = range.GetOffsetAndLength(words.Count);
            if (sentences.Count > 0 && (sentences.Count >= MaxSentences || words[offset].Start - sentences[^1].Sentence.End >= ParagraphPause))
                paragraphs.Add(Close(sentences));
            var part = words.Skip(offset).Take(length).ToList();
            sentences.Add((new DeepgramSentence(FormattedTranscript.Text(part), part[0].Start, part[^1].End), length));
        }
        if (sentences.Count > 0) paragraphs.Add(Close(sentences));
        var text = string.Join("\n\n", paragraphs.Select(p => string.Join(' ', p.Sentences.Select(s => s.Text))));
        return new DeepgramParagraphs(text, paragraphs);
    }

    private static DeepgramParagraph Close(List<(DeepgramSentence Sentence, int Words)> sentences)
    {
        var paragraph = new DeepgramParagraph(sentences.Select(s => s.Sentence).ToList(), sentences.Sum(s => s.Words),
            sentences[0].Sentence.Start, sentences[^1].Sentence.End);
        sentences.Clear();
        return paragraph;
    }
}
