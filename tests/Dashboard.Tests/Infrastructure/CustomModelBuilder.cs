namespace Dashboard.Tests.Infrastructure;

/// <summary>Builds a model through the API as a client would: created, then the data pairs uploaded.</summary>
public sealed class CustomModelBuilder(HttpClient client)
{
    private string name = "Cardiology " + Guid.NewGuid().ToString("N")[..6];
    private string baseModel = "medical";
    private readonly List<(string Type, Func<Task<string>> Audio, string? FileName)> pairs = [];

    public CustomModelBuilder Named(string value)
    {
        name = value;
        return this;
    }

    public CustomModelBuilder WithBaseModel(string value)
    {
        baseModel = value;
        return this;
    }

    public CustomModelBuilder WithTrain(Func<Task<string>>? audio = null, string? fileName = null) => With("train", audio, fileName);

    public CustomModelBuilder WithTest(Func<Task<string>>? audio = null, string? fileName = null) => With("test", audio, fileName);

    /// <summary>One train pair and one test pair of 5 s each (over the tests' 0.001 h minimum): the model is ready to run (status 2).</summary>
    public CustomModelBuilder ReadyToRun() => WithTrain().WithTest();

    private CustomModelBuilder With(string type, Func<Task<string>>? audio, string? fileName)
    {
        pairs.Add((type, audio ?? (() => AudioFiles.ToneAsync("wav", seconds: 5)), fileName));
        return this;
    }

    public async Task<int> CreateAsync()
    {
        var id = (int)(await client.CreateModelAsync(name, baseModel))["id"]!;
        foreach (var (type, audio, fileName) in pairs)
        {
            var transcript = await AudioFiles.TranscriptAsync("the patient has atrial fibrillation");
            await (await client.UploadAsync(id, type, await audio(), transcript, fileName)).ReadJsonAsync(expectSuccess: true);
        }
        return id;
    }
}
