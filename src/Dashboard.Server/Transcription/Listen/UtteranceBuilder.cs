using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>utterances: the words split wherever the silence between two words lasts at least utt_split seconds.</summary>
public static class UtteranceBuilder
{
    public static IReadOnlyList<DeepgramUtterance> Build(IReadOnlyList<DeepgramWord> words, double uttSplit)
    {
        var utterances = new List<DeepgramUtterance>();
        var start = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && words[i + 1].Start - words[i].End < uttSplit) continue;
            var part = words.Skip(start).Take(i + 1 - start).ToList();
            utterances.Add(new DeepgramUtterance(part[0].Start, part[^1].End, Math.Round(part.Average(w => w.Confidence), 4), 0,
                FormattedTranscript.Text(part), part, Guid.NewGuid().ToString()));
            start = i + 1;
        }
        return utterances;
    }
}
