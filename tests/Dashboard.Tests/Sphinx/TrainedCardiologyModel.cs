using Dashboard.Server.Training.Sphinx;
using Xunit;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx;

/// <summary>
/// One custom model trained through the API with the sphinx engine, shared by the tests of a class: 60 cardiology
/// sentences for training and 12 unseen ones for testing, spoken by espeak-ng in five voices and paces.
/// </summary>
public sealed class TrainedCardiologyModel : IAsyncLifetime
{
    public const int TrainSentences = 60;
    public const int TestSentences = 12;

    public sealed record TestFile(string WavPath, string Transcript, string Reference);

    public SphinxApiHost Host { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string ApiKey { get; private set; } = "";
    public int OrganizationId { get; private set; }
    public int ModelId { get; private set; }
    public IReadOnlyList<TestFile> TestFiles { get; private set; } = [];
    public string CustomModel => $"custom_model_{ModelId}";

    public async Task InitializeAsync()
    {
        Host = SphinxApiHost.Start(listen: true);
        (Client, ApiKey, OrganizationId) = await Host.NewOrganizationAsync("cardiology-clinic");
        ModelId = await SphinxApiCalls.CreateModelAsync(Client, "Cardiology EN", "medical");
        var (train, test) = CardiologyCorpus.Create(TrainSentences, TestSentences);
        var audio = Directory.CreateDirectory(Path.Combine(Host.Root, "corpus")).FullName;

        var spoken = await Task.WhenAll(train.Concat(test).Select(async (text, i) =>
        {
            var wav = Path.Combine(audio, $"{(i < train.Count ? "train" : "test")}_{i:000}.wav");
            await SpeechSynthesizer.SpeakAsync(text, i, wav);
            return (wav, text);
        }));
        foreach (var (wav, text) in spoken.Take(train.Count)) await SphinxApiCalls.UploadAsync(Client, ModelId, "train", wav, text);
        foreach (var (wav, text) in spoken.Skip(train.Count)) await SphinxApiCalls.UploadAsync(Client, ModelId, "test", wav, text);
        TestFiles = spoken.Skip(train.Count).Select(s => new TestFile(s.wav, s.text, TranscriptNormalizer.Normalize(s.text))).ToList();

        (await Client.PostAsync($"/api/v3/custom_models/{ModelId}/run", null)).EnsureSuccessStatusCode();
        // tuning decodes held-out audio several times; a loaded CI machine is slow
        await SphinxApiCalls.WaitForTrainingAsync(Client, ModelId, TimeSpan.FromMinutes(20));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
