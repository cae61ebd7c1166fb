using Dashboard.Server.Transcription.Listen;
using Dashboard.Shared.Transcription;

namespace Dashboard.Tests.Transcription;

/// <summary>punctuate, smart_format, utterances and paragraphs on recognized words with their times (no decoder needed).</summary>
[Trait("Category", "unit")]
public sealed class ListenFormattingTests
{
    /// <summary>Words 0.3 s long, 0.05 s apart; "|" inserts a 1 s pause, "," a 0.4 s pause, "||" a 2 s pause.</summary>
    private static List<DeepgramWord> Spoken(string text)
    {
        var words = new List<DeepgramWord>();
        var time = 0.0;
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "|" or "," or "||") { time += token switch { "|" => 1.0, "," => 0.4, _ => 2.0 }; continue; }
            words.Add(new DeepgramWord(token, Math.Round(time, 2), Math.Round(time + 0.3, 2), 0.9));
            time += 0.35;
        }
        return words;
    }

    private static string Smart(string text) => TranscriptFormatter.Format(Spoken(text), punctuate: true, smartFormat: true).Transcript;

    [Theory]
    [InlineData("the price went up twenty five percent", "The price went up 25%.")]
    [InlineData("it costs forty dollars", "It costs $40.")]
    [InlineData("it costs twelve dollars and fifty cents", "It costs $12.50.")]
    [InlineData("we paid one thousand two hundred dollars", "We paid $1,200.")]
    [InlineData("the meeting is at three thirty pm", "The meeting is at 3:30 PM.")]
    [InlineData("call me at nine a m", "Call me at 9 AM.")]
    [InlineData("she was born in nineteen ninety nine", "She was born in 1999.")]
    [InlineData("in twenty twenty four we grew", "In 2024 we grew.")]
    [InlineData("one of them had two hundred and five beds", "One of them had 205 beds.")]
    [InlineData("count three four five", "Count three four five.")]
    [InlineData("fifteen patients and seven nurses", "15 patients and seven nurses.")]
    public void SmartFormat_WritesNumbersTimesPercentagesAndMoneyAsReadersExpect(string spoken, string expected) =>
        Assert.Equal(expected, Smart(spoken));

    [Fact]
    public void SmartFormat_MergesTheWordsOfANumber_IntoOneWordSpanningTheirTimes()
    {
        var words = Spoken("up twenty five percent");

        var formatted = TranscriptFormatter.Format(words, punctuate: false, smartFormat: true).Words;

        Assert.Equal(["up", "25%"], formatted.Select(w => w.Word));
        Assert.Equal(words[1].Start, formatted[1].Start);
        Assert.Equal(words[3].End, formatted[1].End);
    }

    [Fact]
    public void Punctuate_EndsSentencesAtLongPauses_AddsCommasAtShortOnes_AndCapitalizesSentencesAndI()
    {
        var formatted = TranscriptFormatter.Format(Spoken("i think so , but we will see | what do you think | fine"), punctuate: true, smartFormat: false);

        Assert.Equal("I think so, but we will see. What do you think? Fine.", formatted.Transcript);
        Assert.Equal(3, formatted.Sentences.Count);
        Assert.Equal("think", formatted.Words[1].Word); // the word stays as recognized; punctuated_word carries the formatting
        Assert.Equal("so,", formatted.Words[2].PunctuatedWord);
    }

    [Fact]
    public void WithoutPunctuateOrSmartFormat_TheWordsAndTranscriptStayAsRecognized()
    {
        var formatted = TranscriptFormatter.Format(Spoken("twenty five percent | he was"), punctuate: false, smartFormat: false);

        Assert.Equal("twenty five percent he was", formatted.Transcript);
        Assert.All(formatted.Words, w => Assert.Null(w.PunctuatedWord));
    }

    [Theory]
    [InlineData(0.8, 2)]
    [InlineData(0.3, 3)]
    [InlineData(5.0, 1)]
    public void Utterances_SplitWhereTheSilenceLastsAtLeastUttSplit(double uttSplit, int expected)
    {
        var formatted = TranscriptFormatter.Format(Spoken("hello there , general | how are you"), punctuate: true, smartFormat: false);

        var utterances = UtteranceBuilder.Build(formatted.Words, uttSplit);

        Assert.Equal(expected, utterances.Count);
        Assert.Equal(formatted.Words.Count, utterances.Sum(u => u.Words.Count));
        Assert.All(utterances, u => Assert.Equal(u.Words[0].Start, u.Start));
        Assert.Equal(utterances.Count, utterances.Select(u => u.Id).Distinct().Count());
    }

    [Fact]
    public void Paragraphs_GroupSentences_AndStartANewParagraphAfterALongSilence()
    {
        var formatted = TranscriptFormatter.Format(Spoken("first point | second point || new topic here"), punctuate: true, smartFormat: false);

        var paragraphs = ParagraphBuilder.Build(formatted);

        Assert.Equal(2, paragraphs.Paragraphs.Count);
        Assert.Equal(["First point.", "Second point."], paragraphs.Paragraphs[0].Sentences.Select(s => s.Text));
        Assert.Equal(4, paragraphs.Paragraphs[0].NumWords);
        Assert.Equal("First point. Second point.\n\nNew topic here.", paragraphs.Transcript);
    }

    [Fact]
    public void NoWordsAtAll_GiveAnEmptyTranscript_NoUtterances_AndNoParagraphs()
    {
        var formatted = TranscriptFormatter.Format([], punctuate: true, smartFormat: true);

        Assert.Equal("", formatted.Transcript);
        Assert.Empty(UtteranceBuilder.Build(formatted.Words, 0.8));
        Assert.Empty(ParagraphBuilder.Build(formatted).Paragraphs);
    }
}
