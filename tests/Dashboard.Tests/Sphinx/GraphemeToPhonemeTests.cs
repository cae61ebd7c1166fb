using Dashboard.Tests.Infrastructure;
using Dashboard.Server.Training.Sphinx;
using Xunit;
using Dashboard.Server.Speech;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Lexicon;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "unit")]
public sealed class GraphemeToPhonemeTests
{
    private static readonly SphinxOptions Options = new();

    [Theory]
    [InlineData("həlˈoʊ", "HH AH L OW")]
    [InlineData("tʃˈɜːtʃ", "CH ER CH")]
    [InlineData("ðə", "DH AH")]
    [InlineData("dʒˈʌmp", "JH AH M P")]
    [InlineData("kˈɑːɹ", "K AA R")]
    [InlineData("wˈɔːɹfɚɹˌɪn", "W AO R F ER IH N")]
    [InlineData("ˈɛkəkˌɑːɹdɪˌoʊɡɹæm", "EH K AH K AA R D IH OW G R AE M")]
    [InlineData("θˈɪŋ", "TH IH NG")]
    public void Ipa_MapsToTheCmuPhoneSet(string ipa, string expected) => Assert.Equal(expected, IpaToCmuPhones.Convert(ipa));

    [Fact]
    public async Task DomainWords_GetPronunciations_InTheModelsPhoneSet()
    {
        string[] words = ["metoprolol", "apixaban", "rivaroxaban", "kubernetes", "echocardiogram", "don't"];
        var pronunciations = await new EspeakGraphemeToPhoneme(Options).PronounceAsync(words, TestTemp.Root, CancellationToken.None);
        Assert.Equal(words, pronunciations.Select(p => p.Word));
        Assert.All(pronunciations, p => Assert.All(p.Phones.Split(' '), phone => Assert.Contains(phone, PronunciationDictionary.Phones)));
        Assert.Equal("D OW N T", pronunciations.Single(p => p.Word == "don't").Phones);
    }

    [Fact]
    public async Task CommonWords_ComeOutCloseToTheCmuDictionary()
    {
        string[] words = ["hello", "computer", "water", "telephone", "doctor", "patient", "language", "recognition", "heart", "pressure", "morning", "medicine"];
        var dictionary = new PronunciationDictionary(Options);
        var pronunciations = await new EspeakGraphemeToPhoneme(Options).PronounceAsync(words, TestTemp.Root, CancellationToken.None);
        var errors = pronunciations.Sum(p => ErrorAlignment.Align(dictionary.PhonesOf(p.Word)!.Split(' '), p.Phones.Split(' ')).Errors);
        var phones = pronunciations.Sum(p => dictionary.PhonesOf(p.Word)!.Split(' ').Length);
        Assert.True(errors * 100.0 / phones < 20, $"phone error rate {errors * 100.0 / phones:0.0}%: " +
            string.Join("; ", pronunciations.Select(p => $"{p.Word} {p.Phones} / {dictionary.PhonesOf(p.Word)}")));
    }

    [Fact]
    public void FliteOutput_SplitsIntoOneCmuPhoneStringPerWord() =>
        Assert.Equal(["M EH T F AO R M IH N", "S IY OW P IY D IY"], FliteLetterToSound.SplitAtPauses("pau m eh1 t f ao1 r m ih n pau s iy1 ow1 p iy1 d iy1 pau \n"));

    [Fact]
    public async Task NewWords_KeepBothSourcesPronunciations_WhereTheyDiffer()
    {
        var pronouncer = new VocabularyPronouncer(new PronunciationDictionary(Options), new EspeakGraphemeToPhoneme(Options), new FliteLetterToSound(Options));
        var result = await pronouncer.PronounceAsync(["copd", "omeprazole", "hello", "copd"], TestTemp.Root, CancellationToken.None);
        Assert.True(result.FliteAvailable);
        Assert.Empty(result.Unpronounceable);
        Assert.DoesNotContain(result.Added, p => p.Word.StartsWith("hello", StringComparison.Ordinal)); // in the CMU dictionary
        Assert.Equal(2, result.WordCount);
        var copd = result.Added.Where(p => p.Word is "copd" or "copd(2)").Select(p => p.Phones).ToList();
        Assert.Contains("S IY OW P IY D IY", copd); // spelled out, as people say it
        Assert.Equal(2, copd.Count);
        Assert.Equal(["omeprazole", "omeprazole(2)"], result.Added.Where(p => p.Word.StartsWith("omeprazole", StringComparison.Ordinal)).Select(p => p.Word));
    }

    [Fact]
    public async Task KnownWords_GainFlitesPronunciation_OnlyWhereTheDictionaryLacksIt()
    {
        var pronouncer = new VocabularyPronouncer(new PronunciationDictionary(Options), new EspeakGraphemeToPhoneme(Options), new FliteLetterToSound(Options));
        var result = await pronouncer.PronounceAsync(["mg", "ct", "patient", "the"], TestTemp.Root, CancellationToken.None);
        Assert.Equal(0, result.WordCount);
        Assert.Contains(new Pronunciation("mg(2)", "EH M JH IY"), result.Added); // the dictionary has only EH M G IY
        Assert.Contains(new Pronunciation("ct(2)", "S IY T IY"), result.Added); // the dictionary has only "court"
        Assert.DoesNotContain(result.Added, p => p.Word.StartsWith("patient", StringComparison.Ordinal) || p.Word.StartsWith("the", StringComparison.Ordinal));
    }
}
