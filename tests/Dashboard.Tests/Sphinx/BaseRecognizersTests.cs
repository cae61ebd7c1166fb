using Dashboard.Tests.Infrastructure;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Training.Sphinx;
using Microsoft.Extensions.Options;
using Xunit;
using Xunit.Abstractions;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Lexicon;

namespace Dashboard.Tests.Sphinx;

[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class BaseRecognizersTests(ITestOutputHelper output) : IDisposable
{
    private readonly string root = TestTemp.Folder("sphinx-base-");

    private BaseRecognizers Recognizers()
    {
        var options = new SphinxOptions();
        var pronouncer = new VocabularyPronouncer(new PronunciationDictionary(options), new EspeakGraphemeToPhoneme(options), new FliteLetterToSound(options));
        return new BaseRecognizers(pronouncer,
            new LocalBlobStorage(Options.Create(new StorageOptions { Root = root })), Options.Create(options));
    }

    [Fact]
    public async Task General_IsTheStockModel_AndDomainBaseModels_AddTheirVocabulary()
    {
        var recognizers = Recognizers();
        var general = await recognizers.ForBaseAsync("general", root, CancellationToken.None);
        Assert.Empty(general.AddedLanguageModels);
        Assert.Empty(general.ExtraPronunciations);
        foreach (var (name, word) in new[] { ("medical", "metoprolol"), ("technical", "kubernetes"), ("legal", "certiorari") })
        {
            var spec = await recognizers.ForBaseAsync(name, root, CancellationToken.None);
            var model = ArpaModel.Parse(new StringReader(await File.ReadAllTextAsync(spec.AddedLanguageModels.Single().Path)));
            Assert.Contains(word, model.Vocabulary);
            Assert.Contains(spec.ExtraPronunciations, p => p.Word == word);
        }
    }

    [Fact]
    public async Task MedicalBaseModel_RecognizesATermTheStockLanguageModelLacks()
    {
        var wav = Path.Combine(root, "bradycardia.wav");
        await SpeechSynthesizer.SpeakAsync("She developed hyperkalemia and bradycardia.", 0, wav);
        var pcm = (await PcmAudio.ConvertAndReadAsync(new AudioProbe(Options.Create(new ToolOptions())), wav, AudioUse.Transcription, root, TimeSpan.FromSeconds(30), CancellationToken.None)).Samples;
        var recognizers = Recognizers();
        using var general = new SphinxDecoder(new SphinxOptions(), await recognizers.ForBaseAsync("general", root, CancellationToken.None));
        using var medical = new SphinxDecoder(new SphinxOptions(), await recognizers.ForBaseAsync("medical", root, CancellationToken.None));
        var (g, m) = (general.Recognize(pcm).Transcript, medical.Recognize(pcm).Transcript);
        output.WriteLine($"general: {g}\nmedical: {m}");
        Assert.DoesNotContain("bradycardia", g); // in the CMU dictionary, not in the stock language model
        Assert.Contains("bradycardia", m);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
