using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>The words of a transcript with their sentences (index ranges into <see cref="Words"/>).</summary>
public sealed record FormattedTranscript(IReadOnlyList<DeepgramWord> Words, IReadOnlyList<Range> Sentences)
{
    public string Transcript => Text(Words);

    public static string Text(IEnumerable<DeepgramWord> words) => string.Join(' ', words.Select(w => w.PunctuatedWord ?? w.Word));
}

/// <summary>
/// punctuate / smart_format for a recognizer that gives words and times only: a pause of at least
/// <see cref="SentencePause"/> seconds (or the end) closes a sentence with a full stop, or a question mark when it
/// opens like a question; a shorter pause of at least <see cref="CommaPause"/> gets a comma. Sentences start with
/// a capital, and so does "I". smart_format first rewrites numbers and formats (<see cref="SmartFormatter"/>).
/// </summary>
public static class TranscriptFormatter
{
    public const double SentencePause = 0.6;
    public const double CommaPause = 0.3;

    private static readonly HashSet<string> QuestionOpeners =
        ["what", "why", "how", "who", "whom", "whose", "where", "which", "do", "does", "did", "can", "could", "would", "should", "is", "are", "will", "shall"];

    public static FormattedTranscript Format(IReadOnlyList<DeepgramWord> recognized, bool punctuate, bool smartFormat)
    {
        var words = smartFormat ? SmartFormatter.Apply(recognized) : recognized;
        var sentences = Sentences(words);
        if (!punctuate && !smartFormat) return new FormattedTranscript(words, sentences);
        var formatted = new DeepgramWord[words.Count];
        foreach (var sentence in sentences)
        {
            var (offset, length) = sentence.GetOffsetAndLength(words.Count);
            var question = QuestionOpeners.Contains(words[offset].Word.ToLowerInvariant());
            for (var i = offset; i < offset + length; i++)
            {
                var text = CaseOf(words[i].Word, first: i == offset);
                if (i == offset + length - 1) text += question ? "?" : ".";
                else if (words[i + 1].Start - words[i].End >= CommaPause) text += ",";
                formatted[i] = words[i] with { PunctuatedWord = text };
            }
        }
        return new FormattedTranscript(formatted, sentences);
    }

    private static List<Range> Sentences(IReadOnlyList<DeepgramWord> words)
    {
        var sentences = new List<Range>();
        var start = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && words[i + 1].Start - words[i].End < SentencePause) continue;
            sentences.Add(start..(i + 1));
            start = i + 1;
        }
        return sentences;
    }

    private static string CaseOf(string word, bool first)
    {
        var lower = word.ToLowerInvariant();
        if (lower == "i" || lower.StartsWith("i'", StringComparison.Ordinal)) return "I" + word[1..];
        return first && word.Length > 0 && char.IsLower(word[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }
}
