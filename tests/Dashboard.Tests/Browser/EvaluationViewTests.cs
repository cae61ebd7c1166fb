using Dashboard.Shared.Models;
using System.Diagnostics;
using System.Net.Http.Headers;
using Dashboard.Tests.Sphinx;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The evaluation section of a model trained with the sphinx engine, on a server of its own (the collection's server
/// runs the simulated engine): a tiny cardiology model trained through the API, then looked at in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "browser")]
public sealed class EvaluationViewTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Org = "Riverside Cardiology";
    private const string Admin = "lead@riverside.test";

    [Fact]
    public async Task SphinxTrainedModel_ShowsPerUtteranceDiffs_WithPlayableAudio()
    {
        await using var server = await DashboardServer.StartAsync(settings: new Dictionary<string, string> { ["Training__Engine"] = "sphinx" });
        await server.CreateUserAsync(Org, Admin, "admin", "gold");
        var clock = Stopwatch.StartNew();
        var modelId = await TrainTinyModelAsync(server);
        output.WriteLine($"sphinx model trained in {clock.Elapsed.TotalSeconds:0} s");

        var page = await fixture.SignInAsync(Admin, server: server);
        await page.GotoAsync($"/models/{modelId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var utterances = page.GetByTestId("utterance");
        await Assertions.Expect(utterances).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("evaluation-summary")).ToContainTextAsync("Base model");
        await Assertions.Expect(page.GetByTestId("diff-legend")).ToBeVisibleAsync();
        Assert.Equal(6, await page.GetByTestId("word-diff").CountAsync());
        Assert.True(await page.Locator(".w-sub, .w-del, .w-ins").CountAsync() > 0, "the base model should get some words wrong");

        var audio = page.GetByTestId("utterance-audio").First;
        var answer = await audio.EvaluateAsync<string>("a => fetch(a.src).then(r => r.status + ' ' + r.headers.get('content-type'))");
        Assert.Equal("200 audio/wav", answer);
        var duration = await audio.EvaluateAsync<double>("""
            a => new Promise((resolve, reject) => {
                a.addEventListener('loadedmetadata', () => resolve(a.duration));
                a.addEventListener('error', () => reject(new Error('audio error ' + a.error?.code)));
                a.preload = 'metadata'; a.load();
            })
            """);
        Assert.InRange(duration, 1, 30);

        await page.GetByTestId("evaluation-filter-improved").ClickAsync();
        var improved = int.Parse(await page.Locator("[data-testid=evaluation-filter-improved] .filter-count").InnerTextAsync());
        await Assertions.Expect(utterances).ToHaveCountAsync(improved);
        await page.GetByTestId("evaluation-filter-all").ClickAsync();

        await ShootAsync(page, modelId, 1400);
        await page.Context.CloseAsync();
        page = await fixture.SignInAsync(Admin, width: 800, server: server);
        await ShootAsync(page, modelId, 800);
        await page.Context.CloseAsync();
    }

    /// <summary>12 cardiology sentences to train on and 3 unseen ones to test, spoken by espeak-ng; returns the model id once trained.</summary>
    private static async Task<int> TrainTinyModelAsync(DashboardServer server)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.CreateApiKeyAsync(Org, "gold"));
        var id = await SphinxApiCalls.CreateModelAsync(client, "Cardiology clinic letters", "medical");
        var (train, test) = CardiologyCorpus.Create(trainCount: 12, testCount: 3);
        var folder = Directory.CreateDirectory(Path.Combine(server.Folder, "corpus")).FullName;
        foreach (var (text, i) in train.Concat(test).Select((t, i) => (t, i)))
        {
            var type = i < train.Count ? "train" : "test";
            var wav = Path.Combine(folder, $"{(type == "train" ? "letter" : "holdout")}_{i + 1:00}.wav");
            await SpeechSynthesizer.SpeakAsync(text, i, wav);
            await SphinxApiCalls.UploadAsync(client, id, type, wav, text);
        }
        (await client.PostAsync($"/api/v3/custom_models/{id}/run", null)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddMinutes(10); // a hang guard: on a loaded 2-core machine the tuning decodes alone took over 3 minutes
        while (true)
        {
            var model = await SphinxApiCalls.GetJsonAsync(client, $"/api/v3/custom_models/{id}");
            var status = (TrainingStatus)model.GetProperty("training_status").GetInt32();
            if (status == TrainingStatus.Success) return id;
            if (status == TrainingStatus.Failed || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"Training did not succeed: {model}\n{await client.GetStringAsync($"/api/v3/custom_models/{id}/log?format=text")}");
            await Task.Delay(500);
        }
    }

    private static async Task ShootAsync(IPage page, int modelId, int width)
    {
        await page.GotoAsync($"/models/{modelId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var section = page.GetByTestId("evaluation");
        await page.GetByTestId("utterance").First.WaitForAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotTests.OutputFolder(), $"evaluation-{width}.png") });
    }
}
