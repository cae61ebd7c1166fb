using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech;
using Dashboard.Tests.Sphinx;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.DataInputs;

/// <summary>
/// Text data feeds the sphinx engine's language model and vocabulary: a drug name that only the text file contains
/// is in the trained model's vocabulary and is recognized by the custom model (real espeak-ng speech, real training).
/// </summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class TextDataTrainingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Train =
    [
        "the patient was seen in clinic today", "blood pressure was stable on the current dose", "we will review the results next week",
        "the patient reports no chest pain", "continue the current medication and review in a month",
    ];
    private static readonly string[] Test = ["the patient was started on dabigatran yesterday", "stop dabigatran before the procedure"];
    private const string TextData = "Dabigatran was started for atrial fibrillation.\nThe patient continues dabigatran twice daily.\n" +
        "Hold dabigatran two days before surgery. Dabigatran dose reviewed; no bleeding on dabigatran.\n";

    private SphinxApiHost host = null!;
    private HttpClient client = null!;
    private int modelId;

    public async Task InitializeAsync()
    {
        host = SphinxApiHost.Start();
        (client, _, _) = await host.NewOrganizationAsync("text-data");
        modelId = await SphinxApiCalls.CreateModelAsync(client, "Anticoagulation", "general");
        for (var i = 0; i < Train.Length + Test.Length; i++)
        {
            var text = i < Train.Length ? Train[i] : Test[i - Train.Length];
            var wav = Path.Combine(host.Root, $"clip_{i}.wav");
            await SpeechSynthesizer.SpeakAsync(text, i, wav);
            await SphinxApiCalls.UploadAsync(client, modelId, i < Train.Length ? "train" : "test", wav, text);
        }
        var textFile = Path.Combine(host.Root, "clinic-letters.txt");
        await File.WriteAllTextAsync(textFile, TextData);
        (await DataInputCalls.UploadTextAsync(client, modelId, textFile, "clinic-letters.txt")).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v3/custom_models/{modelId}/run", null)).EnsureSuccessStatusCode();
        await SphinxApiCalls.WaitForTrainingAsync(client, modelId, TimeSpan.FromMinutes(8));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AWordOnlyInTheTextData_IsInTheModelsVocabulary_AndIsRecognized()
    {
        var storage = host.Services.GetRequiredService<IBlobStorage>();
        var manifest = await host.Services.GetRequiredService<SphinxArtifactStore>()
            .ReadManifestAsync(BlobKeys.Artifact(modelId, 1, SphinxModelManifest.FileName), CancellationToken.None);
        await using (var arpa = storage.OpenRead(BlobKeys.Artifact(modelId, 1, manifest.DomainLanguageModelArpa)))
            Assert.Contains("dabigatran", ArpaModel.Parse(new StreamReader(arpa)).Vocabulary);
        Assert.True(manifest.TrainingSentences > Train.Length, $"{manifest.TrainingSentences} sentences: the text data's are counted");

        var wav = Path.Combine(host.Root, "clip_5.wav");
        var custom = (await SphinxApiCalls.TranscribeAsync(client, $"custom_model_{modelId}", wav)).Transcript;
        var general = (await SphinxApiCalls.TranscribeAsync(client, "general", wav)).Transcript;
        output.WriteLine($"general: {general}\ncustom: {custom}");
        Assert.DoesNotContain("dabigatran", general.Split(' '));
        Assert.Contains("dabigatran", custom.Split(' '));
        var log = await client.GetStringAsync($"/api/v3/custom_models/{modelId}/log?format=text");
        Assert.Contains("1 text data file(s)", log);
    }
}
