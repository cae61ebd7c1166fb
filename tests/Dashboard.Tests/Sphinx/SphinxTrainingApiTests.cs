using System.Text;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Shared.Training;
using Dashboard.Shared.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Text;
using Dashboard.Server.Training;

namespace Dashboard.Tests.Sphinx;

[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class SphinxTrainingApiTests(TrainedCardiologyModel trained, ITestOutputHelper output)
{
    [Fact]
    public async Task CustomModel_MakesAtLeast30PercentFewerWordErrors_ThanTheBaseModel_AndTheReportedImprovementAgrees()
    {
        var baseErrors = ErrorCounts.None;
        var customErrors = ErrorCounts.None;
        foreach (var file in trained.TestFiles)
        {
            var results = await Task.WhenAll(
                SphinxApiCalls.TranscribeAsync(trained.Client, "medical", file.WavPath),
                SphinxApiCalls.TranscribeAsync(trained.Client, trained.CustomModel, file.WavPath));
            baseErrors = baseErrors.Add(ErrorAlignment.Words(file.Reference, TranscriptNormalizer.Normalize(results[0].Transcript)));
            customErrors = customErrors.Add(ErrorAlignment.Words(file.Reference, TranscriptNormalizer.Normalize(results[1].Transcript)));
            output.WriteLine($"REF    {file.Reference}\nBASE   {results[0].Transcript}\nCUSTOM {results[1].Transcript}");
        }
        var measured = (baseErrors.RatePercent - customErrors.RatePercent) / baseErrors.RatePercent * 100;
        output.WriteLine($"Measured through /api/v3/stt: base WER {baseErrors.RatePercent:0.00}%, custom WER {customErrors.RatePercent:0.00}%, relative improvement {measured:0.00}%");
        Assert.True(measured >= 30, $"custom WER {customErrors.RatePercent:0.0}% is not 30% below base WER {baseErrors.RatePercent:0.0}%");

        var metrics = (await SphinxApiCalls.GetJsonAsync(trained.Client, $"/api/v3/custom_models/{trained.ModelId}")).GetProperty("training_metrics");
        output.WriteLine($"Reported: {metrics}");
        Assert.Equal(customErrors.RatePercent, metrics.GetProperty("word_error_rate").GetDouble(), 0.01);
        Assert.Equal(baseErrors.RatePercent, metrics.GetProperty("base_word_error_rate").GetDouble(), 0.01);
        Assert.Equal(measured, metrics.GetProperty("accuracy_improvement").GetDouble(), 0.1);
        Assert.InRange(metrics.GetProperty("character_error_rate").GetDouble(), 0.01, customErrors.RatePercent);
        Assert.True(metrics.GetProperty("training_hours").GetDouble() > 0);
    }

    [Fact]
    public async Task Evaluation_StoresEveryTestUtterance_WithBothHypothesesAndTheirErrors()
    {
        var evaluation = (await SphinxApiCalls.GetJsonAsync(trained.Client, $"/api/v3/custom_models/{trained.ModelId}/evaluation")).Deserialize<EvaluationResponse>(SphinxApiCalls.Json)!;
        Assert.Equal(("sphinx", 1, "medical"), (evaluation.Engine, evaluation.Version, evaluation.BaseModel));
        Assert.Equal(trained.TestFiles.Select(f => f.Reference).Order(), evaluation.Utterances.Select(u => u.Reference).Order());
        foreach (var u in evaluation.Utterances)
        {
            var custom = ErrorAlignment.Words(u.Reference, u.CustomHypothesis);
            Assert.Equal((custom.Substitutions, custom.Deletions, custom.Insertions), (u.Custom.Substitutions, u.Custom.Deletions, u.Custom.Insertions));
            var baseline = ErrorAlignment.Words(u.Reference, u.BaseHypothesis);
            Assert.Equal((baseline.Substitutions, baseline.Deletions, baseline.Insertions), (u.Base.Substitutions, u.Base.Deletions, u.Base.Insertions));
            Assert.Equal(u.Custom.Substitutions, u.CustomAlignment!.Count(p => p.Kind == WordAlignmentKind.Substitution));
            Assert.Equal(u.CustomHypothesis, string.Join(' ', u.CustomAlignment!.Select(p => p.HypothesisWord).OfType<string>()));
            Assert.Equal(u.Reference, string.Join(' ', u.BaseAlignment!.Select(p => p.ReferenceWord).OfType<string>()));
        }
        Assert.Equal(TrainedCardiologyModel.TestSentences, evaluation.Utterances.Select(u => u.DataFileId).OfType<int>().Distinct().Count());
        var customTotal = evaluation.Utterances.Sum(u => u.Custom.Substitutions + u.Custom.Deletions + u.Custom.Insertions);
        Assert.Equal(Math.Round(100.0 * customTotal / evaluation.Utterances.Sum(u => u.Custom.ReferenceWords), 2), evaluation.WordErrorRate);
    }

    [Fact]
    public async Task TrainingLog_ShowsEachStage_FileProgress_AndTheMeasuredResult()
    {
        var log = await trained.Client.GetStringAsync($"/api/v3/custom_models/{trained.ModelId}/log?format=text");
        foreach (var stage in new[] { SphinxStages.Convert, SphinxStages.Normalize, SphinxStages.Vocabulary, SphinxStages.LanguageModel, SphinxStages.AcousticAdaptation, SphinxStages.Evaluate, SphinxStages.Store })
            Assert.Contains($"Stage: {stage}", log);
        var total = TrainedCardiologyModel.TrainSentences + TrainedCardiologyModel.TestSentences;
        Assert.Contains($"Converted 1/{total}: ", log);
        Assert.Contains($"Converted {total}/{total}: ", log);
        Assert.Contains("pronunciations from espeak-ng and flite (", log);
        Assert.Matches(@"apixaban \[(AH|AE) P IH K S", log);
        Assert.Contains("sphinx_lm_convert accepted it", log);
        Assert.Matches(@"MLLR pass 2: bw aligned \d+ of \d+ utterances", log);
        Assert.Contains("Acoustic adaptation: a global MLLR transform", log);
        Assert.Contains($"Test set ({TrainedCardiologyModel.TestSentences} utterances", log);
    }

    [Fact]
    public async Task NoTranscriptSentenceOrDomainWord_IsStoredInPlaintext_InTheStorageFolderOrTheDatabase()
    {
        var (train, test) = CardiologyCorpus.Create(TrainedCardiologyModel.TrainSentences, TrainedCardiologyModel.TestSentences);
        var needles = train.Concat(test).SelectMany(s => new[] { s, TranscriptNormalizer.Normalize(s) })
            .Concat(["apixaban", "rivaroxaban", "metoprolol", "spironolactone"]).Select(Encoding.UTF8.GetBytes).ToList();
        var files = Directory.GetFiles(Path.Combine(trained.Host.Root, "data"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(trained.Host.Root, "db.sqlite*")).ToList();
        Assert.Contains(files, f => f.EndsWith("db.sqlite", StringComparison.Ordinal));

        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(needles, n => bytes.AsSpan().IndexOf(n) >= 0);
        }
        // What was scanned for is real: the log (decrypted for the API) quotes a training sentence and the drug names.
        Assert.Contains("apixaban", await trained.Client.GetStringAsync($"/api/v3/custom_models/{trained.ModelId}/log?format=text"));
    }

    [Fact]
    public async Task TrainedModel_IsStoredAsAVersionedArtifact_WithLanguageModelDictionaryAndManifest()
    {
        var storage = trained.Host.Services.GetRequiredService<IBlobStorage>();
        var manifest = await trained.Host.Services.GetRequiredService<SphinxArtifactStore>()
            .ReadManifestAsync(BlobKeys.Artifact(trained.ModelId, 1, SphinxModelManifest.FileName), CancellationToken.None);
        Assert.Equal((SphinxModelManifest.CurrentFormat, trained.ModelId, 1, 3), (manifest.Format, manifest.ModelId, manifest.Version, manifest.NgramOrder));
        Assert.True(manifest.AddedPronunciations >= 10); // the drug names
        // the MLLR transform is kept only when tuning found it helps held-out speakers
        Assert.Equal(manifest.AcousticAdaptation == "MLLR" ? SphinxModelManifest.AcousticTransformFileName : null, manifest.AcousticTransform);
        Assert.False(string.IsNullOrEmpty(manifest.Tuning));
        // a MAP-adapted acoustic model only where tuning chose it (test voices are training voices), then with its files
        Assert.Equal(manifest.AcousticAdaptation == "MLLR+MAP" ? SphinxModelManifest.AdaptedAcousticModelName : null, manifest.AdaptedAcousticModel);
        foreach (var name in new[] { manifest.DomainLanguageModel, manifest.DomainLanguageModelArpa, manifest.Dictionary, manifest.AcousticTransform, SphinxModelManifest.EvaluationFileName }
            .OfType<string>().Concat(manifest.AdaptedAcousticModelFiles().Select(f => f.Stored)))
            Assert.True(storage.Exists(BlobKeys.Artifact(trained.ModelId, 1, name)), name);
        await using var arpa = storage.OpenRead(BlobKeys.Artifact(trained.ModelId, 1, manifest.DomainLanguageModelArpa));
        var model = ArpaModel.Parse(new StreamReader(arpa));
        Assert.Contains("metoprolol", model.Vocabulary);
        Assert.NotEmpty(model.EntriesOf(3));
    }

    [Fact]
    public async Task Stt_AcceptsAllSixAudioFormats()
    {
        var file = trained.TestFiles[0];
        var folder = Directory.CreateDirectory(Path.Combine(trained.Host.Root, "formats")).FullName;
        var durations = new Dictionary<string, double>();
        foreach (var extension in new[] { "wav", "mp3", "flac", "m4a", "aac", "ogg" })
        {
            var path = Path.Combine(folder, $"utterance.{extension}");
            await SpeechSynthesizer.EncodeAsync(file.WavPath, path);
            var result = await SphinxApiCalls.TranscribeAsync(trained.Client, trained.CustomModel, path);
            output.WriteLine($"{extension}: {result.Duration:0.00} s: {result.Transcript}");
            Assert.Equal(trained.CustomModel, result.Model);
            Assert.NotEmpty(result.Words);
            Assert.InRange(result.Duration, durations.GetValueOrDefault("wav", result.Duration) - 0.1, durations.GetValueOrDefault("wav", result.Duration) + 0.1);
            durations[extension] = result.Duration;
        }
    }

    private static string Words(string formatted) =>
        string.Join(' ', formatted.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '?', '!')));

    [Fact]
    public async Task DeepgramSdk_TranscribesWithTheCustomModel_AgainstOurServer()
    {
        var file = trained.TestFiles[1];
        var json = await DeepgramSdk.TranscribeFileAsync(trained.Host.BaseAddress!, trained.ApiKey, trained.CustomModel, file.WavPath);
        output.WriteLine(json);
        var response = JsonDocument.Parse(json).RootElement;
        var alternative = response.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0];
        var stt = await SphinxApiCalls.TranscribeAsync(trained.Client, trained.CustomModel, file.WavPath);
        // The SDK asks for punctuate=true: the same words, with sentence casing and punctuation.
        Assert.Equal(stt.Transcript, Words(alternative.GetProperty("transcript").GetString()!));
        Assert.Equal(stt.Words.Count, alternative.GetProperty("words").GetArrayLength());
        Assert.InRange(alternative.GetProperty("confidence").GetDouble(), 0, 1);
        var metadata = response.GetProperty("metadata");
        Assert.Equal(stt.Duration, metadata.GetProperty("duration").GetDouble(), 0.01);
        var modelId = metadata.GetProperty("models")[0].GetString()!;
        Assert.Equal(trained.CustomModel, metadata.GetProperty("model_info").GetProperty(modelId).GetProperty("name").GetString());

        using var scope = trained.Host.Services.CreateScope();
        var ledger = scope.ServiceProvider.GetRequiredService<Dashboard.Server.Persistence.DashboardDbContext>().Ledger
            .Where(l => l.OrganizationId == trained.OrganizationId && l.Kind == "transcription").ToList();
        Assert.Contains(ledger, l => l.MipOptOut && l.Model == trained.CustomModel && Math.Abs(l.AudioSeconds - stt.Duration) < 0.01);
    }

    [Fact]
    public async Task EveryStageTheSphinxEngineReports_IsAStepOfTheDashboardsTimeline_InOrder()
    {
        const string prefix = "Stage: ";
        var log = (await SphinxApiCalls.GetJsonAsync(trained.Client, $"/api/v3/custom_models/{trained.ModelId}/log")).GetProperty("lines");
        var reported = log.EnumerateArray().Select(l => l.GetProperty("message").GetString()!)
            .Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m[prefix.Length..]).ToList();

        Assert.NotEmpty(reported);
        var steps = TrainingStages.Of(TrainingEngines.Sphinx);
        Assert.Equal(reported, steps.Where(reported.Contains));
    }
}
