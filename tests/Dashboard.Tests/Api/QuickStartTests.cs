using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>The seed's curl Quick Start, step by step, as one test.</summary>
[Trait("Category", "api")]
public sealed class QuickStartTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task QuickStart_CreatesUploadsTrainsAndReportsMetrics()
    {
        var client = await factory.CreateClientForAsync("quick-start");

        var created = await client.CreateModelAsync("Medical Cardiology EN", "medical");
        var id = (int)created["id"]!;
        Assert.Equal(TrainingStatus.NotRunning, created.Status());

        var speech = await AudioFiles.SpeechAsync("the patient has atrial fibrillation and takes warfarin daily");
        var mp3 = Path.ChangeExtension(speech, ".quickstart.mp3");
        await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", "-i", speech, "-b:a", "128k", mp3]);
        var transcript = await AudioFiles.TranscriptAsync("the patient has atrial fibrillation and takes warfarin daily");
        var train = await client.UploadAsync(id, "train", mp3, transcript, "cardiology_01.mp3", "cardiology_01.txt");
        Assert.Equal(HttpStatusCode.OK, train.StatusCode);
        var test = await client.UploadAsync(id, "test", mp3, transcript, "cardiology_test_01.mp3", "cardiology_test_01.txt");
        Assert.Equal(TrainingStatus.ReadyToRun, (await test.ReadJsonAsync(expectSuccess: true))["model"]!.Status());

        var run = await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { });
        Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());

        var done = await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(2), TrainingStatus.Success, TrainingStatus.Failed);
        Assert.Equal(TrainingStatus.Success, done.Status());
        Assert.Equal(100, (int)done["training_progress"]!);
        var metrics = done["training_metrics"]!;
        Assert.InRange((double)metrics["word_error_rate"]!, 0.1, 100);
        Assert.True((double)metrics["accuracy_improvement"]! > 0);
        Assert.True((double)metrics["character_error_rate"]! > 0);
        Assert.Equal(Math.Round((double)done["data"]!["train_hours"]!, 3), Math.Round((double)metrics["training_hours"]!, 3));

        var log = await (await client.GetAsync($"{ApiClientExtensions.Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        Assert.Contains(log["lines"]!.AsArray(), l => ((string)l!["message"]!).StartsWith("Training succeeded", StringComparison.Ordinal));
    }
}
