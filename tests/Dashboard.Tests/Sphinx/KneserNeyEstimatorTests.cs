using Dashboard.Tests.Infrastructure;
using Dashboard.Server.Training.Sphinx;
using Microsoft.Extensions.Options;
using Xunit;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Lexicon;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "sphinx")]
public sealed class KneserNeyEstimatorTests
{
    private static List<IReadOnlyList<string>> CorpusSentences() =>
        CardiologyCorpus.Create(60, 10).Train
            .SelectMany(TranscriptNormalizer.NormalizeSentences)
            .Concat(["i live in san francisco", "san francisco is foggy", "we saw san francisco", "the dog barks", "a dog and a cat", "the cat sleeps"])
            .Select(s => (IReadOnlyList<string>)s.Split(' '))
            .ToList();

    /// <summary>The model as PocketSphinx sees it: written to ARPA text and read back.</summary>
    private static ArpaModel RoundTrip(ArpaModel model)
    {
        using var writer = new StringWriter();
        model.Write(writer);
        return ArpaModel.Parse(new StringReader(writer.ToString()));
    }

    [Fact]
    public void Probabilities_SumToOne_InEveryContext()
    {
        var model = RoundTrip(KneserNeyEstimator.Estimate(CorpusSentences(), 3));
        var vocabulary = model.Vocabulary.Where(w => w != ArpaModel.SentenceStart).ToList();
        var contexts = model.EntriesOf(1).Concat(model.EntriesOf(2)).Where(e => e.Words[^1] != ArpaModel.SentenceEnd).Select(e => e.Words)
            .Prepend([]).ToList();
        Assert.True(contexts.Count > 200);
        foreach (var context in contexts)
        {
            var sum = vocabulary.Sum(w => Math.Pow(10, model.LogProbability(w, context)));
            Assert.True(Math.Abs(sum - 1) < 1e-4, $"P(·|{string.Join(' ', context)}) sums to {sum}");
        }
    }

    [Fact]
    public void Backoffs_AreValid_AndEveryNgramHasItsPrefixAndSuffix()
    {
        var model = RoundTrip(KneserNeyEstimator.Estimate(CorpusSentences(), 3));
        Assert.Equal(3, model.Order);
        Assert.Equal(-99, model.Find([ArpaModel.SentenceStart])!.LogProbability);
        Assert.NotNull(model.Find([ArpaModel.SentenceStart])!.LogBackoff);
        Assert.NotNull(model.Find([ArpaModel.Unknown]));
        for (var n = 1; n <= 3; n++)
        {
            foreach (var entry in model.EntriesOf(n))
            {
                Assert.True(double.IsFinite(entry.LogProbability) && entry.LogProbability <= 0);
                if (entry.LogBackoff is { } bow) Assert.True(double.IsFinite(bow) && bow <= 0, $"{string.Join(' ', entry.Words)} has back-off {bow}");
                if (n == 3) Assert.Null(entry.LogBackoff);
                if (n == 1) continue;
                Assert.NotNull(model.Find(entry.Words[..^1])?.LogBackoff); // a context carries a back-off weight
                Assert.NotNull(model.Find(entry.Words[1..]));
            }
        }
    }

    [Fact]
    public void LowerOrders_UseContinuationCounts()
    {
        // "francisco" is as frequent as "dog" but only ever follows "san": as a new continuation it is less likely.
        var model = KneserNeyEstimator.Estimate(CorpusSentences(), 3);
        Assert.True(model.Find(["francisco"])!.LogProbability < model.Find(["dog"])!.LogProbability);
        Assert.True(model.LogProbability("francisco", ["san"]) > -0.1);
    }

    [Fact]
    public void Counts_IncludeSentenceMarkersAndUnknown()
    {
        var model = KneserNeyEstimator.Estimate([["a", "b"], ["a", "c"]], 3);
        Assert.Equal(["</s>", "<s>", "<unk>", "a", "b", "c"], model.Vocabulary.Order(StringComparer.Ordinal));
        Assert.Equal(5, model.EntriesOf(2).Count); // <s> a, a b, a c, b </s>, c </s>
        Assert.Equal(4, model.EntriesOf(3).Count);
    }

    [Fact]
    public async Task SphinxLmConvert_AcceptsTheArpaFile_AndPocketSphinxLoadsIt()
    {
        var folder = TestTemp.Folder("sphinx-lm-");
        try
        {
            var arpa = Path.Combine(folder, "domain.arpa");
            await using (var writer = new StreamWriter(arpa)) KneserNeyEstimator.Estimate(CorpusSentences(), 3).Write(writer);
            var options = new SphinxOptions();
            var builder = new DomainModelBuilder(Options.Create(options));
            var binary = Path.Combine(folder, "domain.lm.bin");
            await builder.ConvertToBinaryAsync(arpa, binary, CancellationToken.None);
            Assert.True(new FileInfo(binary).Length > 0);
            using var decoder = new SphinxDecoder(options, new RecognizerSpec("test", [], [new WeightedLanguageModel(arpa, 0.9)]));
            Assert.Equal(0, decoder.Recognize(new short[16000]).Words.Count(w => w.Word.Length == 0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
