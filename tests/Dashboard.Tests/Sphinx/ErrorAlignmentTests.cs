using Dashboard.Server.Training.Sphinx;
using Dashboard.Shared.Transcription;
using Xunit;
using Dashboard.Server.Evaluation;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "unit")]
public sealed class ErrorAlignmentTests
{
    [Theory]
    [InlineData("a b c", "a b c", 0, 0, 0)]
    [InlineData("a b c", "a x c", 1, 0, 0)]
    [InlineData("a b c", "a c", 0, 1, 0)]
    [InlineData("a b c", "a b c d", 0, 0, 1)]
    [InlineData("a b", "c", 1, 1, 0)]
    [InlineData("", "a b", 0, 0, 2)]
    [InlineData("a b", "", 0, 2, 0)]
    [InlineData("the cat sat on the mat", "the cat sat on mat", 0, 1, 0)]
    [InlineData("he was not an ill disposed young man", "he was not an illness those young man", 2, 0, 0)]
    [InlineData("he might even have been made amiable himself", "he might even have been made the amiable itself", 1, 0, 1)]
    public void Words_CountsSubstitutionsDeletionsAndInsertions(string reference, string hypothesis, int s, int d, int i)
    {
        var counts = ErrorAlignment.Words(reference, hypothesis);
        Assert.Equal((s, d, i), (counts.Substitutions, counts.Deletions, counts.Insertions));
    }

    [Fact]
    public void WordErrorRate_IsErrorsOverReferenceWords_AndCanExceed100()
    {
        Assert.Equal(25, ErrorAlignment.Words("one two three four", "one two tree four").RatePercent);
        Assert.Equal(300, ErrorAlignment.Words("a", "b c d").RatePercent);
        Assert.Equal(0, ErrorAlignment.Words("", "").RatePercent);
    }

    [Fact]
    public void Characters_AlignsLettersAndSpaces()
    {
        var counts = ErrorAlignment.Characters("kitten", "sitting");
        Assert.Equal((2, 0, 1, 6), (counts.Substitutions, counts.Deletions, counts.Insertions, counts.ReferenceLength));
        Assert.Equal(1, ErrorAlignment.Characters("ab cd", "abcd").Deletions); // the space is a character
    }

    [Fact]
    public void Add_SumsCountsOverUtterances()
    {
        var total = ErrorAlignment.Words("a b", "a x").Add(ErrorAlignment.Words("c d e", "c d"));
        Assert.Equal((1, 1, 0, 5), (total.Substitutions, total.Deletions, total.Insertions, total.ReferenceLength));
        Assert.Equal(40, total.RatePercent);
    }

    [Fact]
    public void AlignWords_PairsTheWordsInReadingOrder_AndCountsAsWordsDoes()
    {
        var alignment = ErrorAlignment.AlignWords("he might even have been made amiable himself", "he might even have been made the amiable itself");

        Assert.Equal(ErrorAlignment.Words("he might even have been made amiable himself", "he might even have been made the amiable itself"), alignment.Counts);
        Assert.Equal(
            [new("made", "made", WordAlignmentKind.Correct), new(null, "the", WordAlignmentKind.Insertion),
             new("amiable", "amiable", WordAlignmentKind.Correct), new("himself", "itself", WordAlignmentKind.Substitution)],
            alignment.Pairs.Skip(5));
        Assert.Equal([new AlignedWordDto("a", null, WordAlignmentKind.Deletion)], ErrorAlignment.AlignWords("a", "").Pairs);
    }
}
