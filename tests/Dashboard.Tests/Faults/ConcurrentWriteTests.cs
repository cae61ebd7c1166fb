using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Faults;

/// <summary>Many writers on one SQLite file at once (WAL, busy timeout): every accepted write is kept, none answers 5xx.</summary>
[Trait("Category", "api")]
public sealed class ConcurrentWriteTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ParallelUploadsRenamesAndATrainingRun_OnOneModel_LoseNoWrite()
    {
        var client = await factory.CreateClientForAsync("concurrent");
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        var audio = await AudioFiles.ToneAsync("wav", 3);
        var transcript = await AudioFiles.TranscriptAsync("the patient has atrial fibrillation");

        var uploads = Enumerable.Range(0, 12).Select(i => client.UploadAsync(id, i % 2 == 0 ? "train" : "test", audio, transcript, $"pair_{i}.wav"));
        var renames = Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}", new { name = $"Renamed {i}" }));
        var run = client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { });
        var responses = await Task.WhenAll(uploads.Concat(renames).Append(run));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {r.RequestMessage?.RequestUri}: {r.Content.ReadAsStringAsync().Result}"));
        Assert.Equal(14, await factory.DataFileCountAsync(id));
        Assert.Equal(28, factory.BlobsOf(id).Count(b => !b.Contains("/versions/", StringComparison.Ordinal)));
        var done = await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success, TrainingStatus.Failed);
        Assert.Equal(TrainingStatus.Success, done.Status());
        Assert.StartsWith("Renamed ", (string?)done["name"], StringComparison.Ordinal);
        var listed = await (await client.GetAsync($"{ApiClientExtensions.Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        Assert.Equal(14, listed["data"]!.AsArray().Count);
    }
}
