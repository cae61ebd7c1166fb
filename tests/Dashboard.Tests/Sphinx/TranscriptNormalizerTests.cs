using Dashboard.Server.Training.Sphinx;
using Xunit;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "unit")]
public sealed class TranscriptNormalizerTests
{
    [Theory]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("The patient's BP was 120/80.", "the patient's bp was one hundred twenty over eighty")]
    [InlineData("Ejection fraction of 40%.", "ejection fraction of forty percent")]
    [InlineData("It costs $5.50 & more", "it costs five dollars fifty cents and more")]
    [InlineData("$1 or £3", "one dollar or three pounds")]
    [InlineData("She came 21st; he came 2nd.", "she came twenty first he came second")]
    [InlineData("Troponin 0.04 rose to 1.5", "troponin zero point zero four rose to one point five")]
    [InlineData("2,500 patients in 1999", "two thousand five hundred patients in nineteen ninety nine")]
    [InlineData("Meet at 10:30 or 9:05 or 7:00", "meet at ten thirty or nine oh five or seven o'clock")]
    [InlineData("Dose 5-10 mg", "dose five to ten mg")]
    [InlineData("It was -5 degrees, i.e. 23°", "it was minus five degrees i e twenty three degrees")]
    [InlineData("Dr. Smith and Mr Jones", "doctor smith and mister jones")]
    [InlineData("Café naïve — “quoted” 'word'", "cafe naive quoted word")]
    [InlineData("well-known x-ray", "well known x ray")]
    [InlineData("1000000 users", "one million users")]
    [InlineData("  \t\n ", "")]
    public void Normalize_SpellsOutNumbersAndSymbols_AndDropsPunctuation(string text, string expected) =>
        Assert.Equal(expected, TranscriptNormalizer.Normalize(text));

    [Fact]
    public void NormalizeSentences_SplitsAtSentenceEndsAndLines_ButNotAfterTitles()
    {
        var sentences = TranscriptNormalizer.NormalizeSentences("Dr. Smith saw 3 patients. All were well!\nNext line? Yes");
        Assert.Equal(["doctor smith saw three patients", "all were well", "next line", "yes"], sentences);
    }

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(13, "thirteen")]
    [InlineData(40, "forty")]
    [InlineData(101, "one hundred one")]
    [InlineData(999_999, "nine hundred ninety nine thousand nine hundred ninety nine")]
    [InlineData(2_000_000_019, "two billion nineteen")]
    public void Cardinal_ReadsNumbersTheAmericanWay(long n, string expected) => Assert.Equal(expected, NumberWords.Cardinal(n));

    [Theory]
    [InlineData(1, "first")]
    [InlineData(12, "twelfth")]
    [InlineData(20, "twentieth")]
    [InlineData(103, "one hundred third")]
    public void Ordinal_ChangesTheLastWord(long n, string expected) => Assert.Equal(expected, NumberWords.Ordinal(n));

    [Theory]
    [InlineData(1900, "nineteen hundred")]
    [InlineData(1905, "nineteen oh five")]
    [InlineData(2005, "two thousand five")]
    [InlineData(2024, "twenty twenty four")]
    public void Year_IsReadInPairs(int year, string expected) => Assert.Equal(expected, NumberWords.Year(year));
}
