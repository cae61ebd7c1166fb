namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>
/// Long-recording data of one domain: paragraphs of several sentences (one transcript each, as an upload carries),
/// training paragraphs and test paragraphs made from disjoint sets of sentences, deterministic for a seed.
/// </summary>
public sealed record ParagraphCorpus(IReadOnlyList<string> Train, IReadOnlyList<string> Test)
{
    public static ParagraphCorpus Create(DomainTemplates domain, int trainParagraphs, int testParagraphs, int sentencesPerParagraph = 6, int seed = 5)
    {
        var random = new Random(seed);
        var pool = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var needed = (trainParagraphs + testParagraphs) * sentencesPerParagraph;
        for (var attempts = 0; pool.Count < needed && attempts < needed * 50; attempts++)
        {
            var sentence = domain.Templates[attempts % domain.Templates.Count](random);
            if (seen.Add(sentence)) pool.Add(sentence);
        }
        if (pool.Count < needed) throw new ArgumentOutOfRangeException(nameof(trainParagraphs), $"{domain.Name} makes only {pool.Count} distinct sentences.");
        pool = pool.OrderBy(_ => random.Next()).ToList();
        var testSentences = testParagraphs * sentencesPerParagraph;
        return new ParagraphCorpus(
            Paragraphs(pool.Skip(testSentences).ToList(), sentencesPerParagraph),
            Paragraphs(pool.Take(testSentences).ToList(), sentencesPerParagraph));
    }

    private static List<string> Paragraphs(List<string> sentences, int size) =>
        sentences.Chunk(size).Select(c => string.Join(' ', c)).ToList();
}
