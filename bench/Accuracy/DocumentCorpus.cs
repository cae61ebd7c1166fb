using Dashboard.Server.Speech.Text;

namespace Dashboard.Bench.Accuracy;

/// <summary>
/// A domain of independently written text split by document: test recordings read passages of documents that give
/// nothing to training; training recordings read passages of other documents, and the text data is further documents
/// again. A recording reads consecutive sentences of one document (at most one passage per test document and two per
/// training document, so many documents are heard). A test sentence that also occurs on the training side (licence
/// boilerplate copied into several files) is skipped.
/// </summary>
public sealed record DocumentCorpus(string Name, string BaseModel, IReadOnlyList<string> Train, IReadOnlyList<string> Test, IReadOnlyList<string> TextData,
    int TestDocuments, int TrainDocuments, int TextDocuments)
{
    public static DocumentCorpus Create(string name, string baseModel, IReadOnlyList<TextDocument> documents, int trainParagraphs, int testParagraphs,
        int maxTextSentences = 5000, int sentencesPerParagraph = 6, int seed = 5)
    {
        var random = new Random(seed);
        var shuffled = documents.OrderBy(d => d.Name, StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        var passages = shuffled.Select(d => Passages(d.Sentences, sentencesPerParagraph)).ToList();
        // A test passage is made of sentences no other document has (licence boilerplate is copied into many files).
        var documentsPerSentence = shuffled.SelectMany(d => d.Sentences.Select(TranscriptNormalizer.Normalize).Distinct()).CountBy(s => s).ToDictionary(StringComparer.Ordinal);
        var ownPassages = shuffled.Select(d => Passages(d.Sentences.Where(s => documentsPerSentence[TranscriptNormalizer.Normalize(s)] == 1).ToList(), sentencesPerParagraph)).ToList();
        var testDocuments = Enumerable.Range(0, shuffled.Count).Where(i => ownPassages[i].Count > 0).Take(testParagraphs).ToList();
        var test = testDocuments.Select(i => ownPassages[i][0]).ToList();
        var trainingSide = Enumerable.Range(0, shuffled.Count).Except(testDocuments).ToList();
        // On the training side each sentence is said or written once: boilerplate repeated in many files would crowd out the rest.
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in trainingSide)
            (shuffled[i], passages[i]) = Once(shuffled[i], said, sentencesPerParagraph);
        var trainDocuments = trainingSide.Where(i => passages[i].Count > 0).ToList();
        var train = trainDocuments.SelectMany(i => passages[i].Take(2)).Take(trainParagraphs).ToList();
        var usedForAudio = trainDocuments.TakeWhile((_, n) => trainDocuments.Take(n).Sum(i => Math.Min(2, passages[i].Count)) < trainParagraphs).ToHashSet();
        var textDocuments = trainingSide.Where(i => !usedForAudio.Contains(i)).ToList();
        var text = textDocuments.SelectMany(i => shuffled[i].Sentences).Distinct(StringComparer.Ordinal).Take(maxTextSentences).ToList();
        if (test.Count < testParagraphs || train.Count < trainParagraphs)
            throw new InvalidOperationException($"{name}: only {train.Count} training and {test.Count} test passages in {documents.Count} documents.");
        return new DocumentCorpus(name, baseModel, train, test, text, test.Count, usedForAudio.Count, textDocuments.Count);
    }

    private static (TextDocument, List<string>) Once(TextDocument document, HashSet<string> said, int size)
    {
        var fresh = document with { Sentences = document.Sentences.Where(s => said.Add(TranscriptNormalizer.Normalize(s))).ToList() };
        return (fresh, Passages(fresh.Sentences, size));
    }

    private static List<string> Passages(IReadOnlyList<string> sentences, int size) =>
        sentences.Chunk(size).Where(c => c.Length == size).Select(c => string.Join(' ', c)).ToList();
}
