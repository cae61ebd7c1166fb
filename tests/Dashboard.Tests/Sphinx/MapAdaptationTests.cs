using Dashboard.Server.Data;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx.Adaptation;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech.Text;
using Dashboard.Server.Training;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Shared.Transcription;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dashboard.Tests.Sphinx;

/// <summary>
/// MAP adaptation with the real sphinxtrain tools on one espeak-ng speaker (far from the stock model): the adapted
/// means, variances and sendump are written, a decoder built on them recognizes that speaker's recordings with fewer
/// errors than the stock model, and a stored version carries the files to the decoder at transcription time.
/// </summary>
[Trait("Category", "sphinx")]
public sealed class MapAdaptationTests : IDisposable
{
    private static readonly string[] Spoken =
    [
        "The patient was seen in the clinic this morning for a follow up visit.",
        "She reports that the pain in her left knee has improved since last week.",
        "Blood pressure was normal and the heart rate was regular.",
        "We will continue the current medication and review the results next month.",
        "He denies any chest pain or shortness of breath at rest.",
        "The wound is healing well and there are no signs of infection.",
        "Please schedule a repeat scan of the abdomen in three months.",
        "The family was informed about the plan and agreed with it.",
    ];
    private readonly string folder = TestTemp.Folder("map-");
    private readonly SphinxOptions options = new();

    [Fact]
    public async Task MapModel_FromTheMllrStatistics_IsStoredWithTheVersion_AndDecodesItsSpeakerBetterThanTheStockModel()
    {
        var utterances = await SpeakAsync();
        var acoustic = new AcousticAdaptation(Options.Create(options), new ModelFilesForSphinxTrain(Options.Create(options)));
        var progress = new StageProgress(new SilentProgress(), 0, 100, new SemaphoreSlim(1, 1));
        var mllr = await acoustic.AdaptAsync(utterances, [], [], folder, progress, CancellationToken.None);
        Assert.NotNull(mllr.Statistics);

        var map = await new MapAdaptation(Options.Create(options), acoustic).AdaptAsync(mllr, folder, CancellationToken.None);

        Assert.NotNull(map.ModelFolder);
        Assert.Contains("MAP adaptation:", map.Summary, StringComparison.Ordinal);
        foreach (var name in new[] { "means", "variances", "sendump" }) // same shapes as the stock model's files
            Assert.Equal(new FileInfo(Path.Combine(options.AcousticModelPath, name)).Length, new FileInfo(Path.Combine(map.ModelFolder!, name)).Length);
        Assert.NotEqual(await File.ReadAllBytesAsync(Path.Combine(options.AcousticModelPath, "means")), await File.ReadAllBytesAsync(Path.Combine(map.ModelFolder!, "means")));

        var stock = Errors(RecognizerSpec.Stock("stock"), utterances);
        var adapted = Errors(RecognizerSpec.Stock("map") with { AdaptedAcousticModelFolder = map.ModelFolder }, utterances);
        Assert.True(adapted.Errors < stock.Errors, $"MAP model {adapted.RatePercent:0.#}% against stock {stock.RatePercent:0.#}% on its own speaker");

        var spec = await StoreAndLoadAsync(map.ModelFolder!);
        Assert.Equal(adapted.Errors, Errors(spec, utterances).Errors); // the stored files are the ones decoded with
    }

    [Fact]
    public async Task BaumWelchInParts_GivesTheTransformOneProcessGives()
    {
        var utterances = await SpeakAsync();
        async Task<double[]> TransformAsync(int parallelism)
        {
            var adaptation = new AcousticAdaptation(Options.Create(new SphinxOptions { TrainingParallelism = parallelism }),
                new ModelFilesForSphinxTrain(Options.Create(options)));
            var work = Directory.CreateDirectory(Path.Combine(folder, $"parts{parallelism}")).FullName;
            var result = await adaptation.AdaptAsync(utterances, [], [], work, new StageProgress(new SilentProgress(), 0, 100, new SemaphoreSlim(1, 1)), CancellationToken.None);
            Assert.True(result.TransformPath is not null, result.Summary);
            Assert.Equal(parallelism, result.Statistics!.AccumulatorFolders.Count);
            return [.. (await File.ReadAllTextAsync(result.TransformPath)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(double.Parse)];
        }

        var whole = await TransformAsync(1);
        var inParts = await TransformAsync(3);

        Assert.Equal(whole.Length, inParts.Length);
        Assert.Contains(whole, v => Math.Abs(v) > 0.05 && Math.Abs(v - 1) > 0.05); // a transform that moves the means, not the identity
        Assert.All(whole.Zip(inParts), pair => Assert.Equal(pair.First, pair.Second, 0.001)); // mllr_solve summed the parts' statistics
    }

    [Fact]
    public async Task MapAdaptation_TurnedOffOrWithoutStatistics_SaysWhy()
    {
        var acoustic = new AcousticAdaptation(Options.Create(options), new ModelFilesForSphinxTrain(Options.Create(options)));
        var off = await new MapAdaptation(Options.Create(new SphinxOptions { MapAdaptation = false }), acoustic)
            .AdaptAsync(new AdaptationResult("t", "", null), folder, CancellationToken.None);
        var none = await new MapAdaptation(Options.Create(options), acoustic).AdaptAsync(new AdaptationResult(null, "skipped"), folder, CancellationToken.None);

        Assert.Null(off.ModelFolder);
        Assert.Contains("Sphinx:MapAdaptation=false", off.Summary, StringComparison.Ordinal);
        Assert.Null(none.ModelFolder);
        Assert.StartsWith("MAP adaptation skipped", none.Summary, StringComparison.Ordinal);
    }

    private async Task<RecognizerSpec> StoreAndLoadAsync(string mapFolder)
    {
        var storage = new LocalBlobStorage(Options.Create(new StorageOptions { Root = Path.Combine(folder, "storage") }));
        var artifacts = new SphinxArtifactStore(storage);
        var version = Directory.CreateDirectory(Path.Combine(folder, "version")).FullName;
        foreach (var name in new[] { SphinxModelManifest.DictionaryFileName, "unused.lm.bin", "unused.arpa" }) await File.WriteAllTextAsync(Path.Combine(version, name), "");
        var manifest = new SphinxModelManifest(SphinxModelManifest.CurrentFormat, 1, 1, "general", "en-US", "en-us", "en-us.lm.bin", "unused.lm.bin", "unused.arpa",
            SphinxModelManifest.DictionaryFileName, 0, 3, 0, 0, 0, "MLLR+MAP", null, DateTimeOffset.UtcNow, AdaptedAcousticModel: SphinxModelManifest.AdaptedAcousticModelName);
        foreach (var (stored, read) in manifest.AdaptedAcousticModelFiles()) File.Copy(Path.Combine(mapFolder, read), Path.Combine(version, stored));
        var manifestKey = await artifacts.SaveAsync(manifest, version, new EvaluationResponse(1, 1, "sphinx", "general", 0, 0, 0, 0, 0, []), CancellationToken.None);
        var loaded = await artifacts.LoadSpecAsync("custom", manifestKey, Directory.CreateDirectory(Path.Combine(folder, "loaded")).FullName, CancellationToken.None);
        Assert.NotNull(loaded.AdaptedAcousticModelFolder);
        return loaded;
    }

    private ErrorCounts Errors(RecognizerSpec spec, IReadOnlyList<PreparedUtterance> utterances)
    {
        using var decoder = new SphinxDecoder(options, spec);
        return utterances.Aggregate(ErrorCounts.None, (total, u) => total.Add(ErrorAlignment.Words(u.Reference,
            TranscriptNormalizer.Normalize(decoder.Recognize(PcmAudio.ReadAsync(u.PcmPath, CancellationToken.None).GetAwaiter().GetResult()).Transcript))));
    }

    /// <summary>The sentences spoken by one espeak-ng voice, as 16 kHz PCM files in one folder (sphinx_fe reads them from there).</summary>
    private async Task<List<PreparedUtterance>> SpeakAsync()
    {
        var audio = Directory.CreateDirectory(Path.Combine(folder, "pcm")).FullName;
        var utterances = new List<PreparedUtterance>();
        for (var i = 0; i < Spoken.Length; i++)
        {
            var wav = Path.Combine(folder, $"u{i}.wav");
            await SpeechSynthesizer.RunAsync("espeak-ng", "-v", "en-us+m3", "-s", "165", "-w", wav, Spoken[i]);
            var pcm = Path.Combine(audio, $"u{i}.pcm");
            await SpeechSynthesizer.RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav, "-f", "s16le", "-ac", "1", "-ar", "16000", pcm);
            var file = new DataFile { Type = "train", AudioFileName = $"u{i}.wav", AudioBlob = "", TranscriptFileName = $"u{i}.txt", TranscriptBlob = "", Format = "wav" };
            utterances.Add(new PreparedUtterance(file, pcm, TranscriptNormalizer.NormalizeSentences(Spoken[i])));
        }
        return utterances;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class SilentProgress : ITrainingProgress
    {
        public Task StageAsync(string stage, int percent, CancellationToken ct) => Task.CompletedTask;
        public Task ProgressAsync(int percent, CancellationToken ct) => Task.CompletedTask;
        public Task LogAsync(string level, string message, CancellationToken ct) => Task.CompletedTask;
    }
}
