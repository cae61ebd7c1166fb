using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech;
using Dashboard.Shared.Transcription;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Evaluation;

/// <summary>
/// GET /api/v3/custom_models/{id}/evaluation over evaluations written straight into the server's storage: the shape
/// stored before utterances named their data file and carried word alignments still reads, completed.
/// </summary>
[Trait("Category", "api")]
public sealed class StoredEvaluationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>evaluation.json as the first sphinx engine wrote it: no data_file_id, no alignments.</summary>
    private static string OldEvaluation(int modelId, string file) => $$"""
        {
          "model_id": {{modelId}}, "version": 1, "engine": "sphinx", "base_model": "medical",
          "word_error_rate": 0, "base_word_error_rate": 50, "character_error_rate": 0, "base_character_error_rate": 30, "accuracy_improvement": 100,
          "utterances": [
            { "file": "{{file}}", "reference": "takes warfarin daily", "base_hypothesis": "takes war daily now",
              "custom_hypothesis": "takes warfarin daily",
              "base": { "substitutions": 1, "deletions": 0, "insertions": 1, "reference_words": 3, "word_error_rate": 66.67, "character_error_rate": 30 },
              "custom": { "substitutions": 0, "deletions": 0, "insertions": 0, "reference_words": 3, "word_error_rate": 0, "character_error_rate": 0 } },
            { "file": "removed_since.wav", "reference": "a b", "base_hypothesis": "a", "custom_hypothesis": "a b",
              "base": { "substitutions": 0, "deletions": 1, "insertions": 0, "reference_words": 2, "word_error_rate": 50, "character_error_rate": 33 },
              "custom": { "substitutions": 0, "deletions": 0, "insertions": 0, "reference_words": 2, "word_error_rate": 0, "character_error_rate": 0 } }
          ]
        }
        """;

    private async Task<(HttpClient Client, int ModelId)> TrainedAsync()
    {
        var client = await factory.CreateClientForAsync("evaluation-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).WithTrain().WithTest(fileName: "holdout_1.wav").CreateAsync();
        (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, TimeSpan.FromSeconds(60), TrainingStatus.Success);
        return (client, id);
    }

    private async Task StoreAsync(int modelId, string json)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(json));
        await factory.Services.GetRequiredService<IBlobStorage>()
            .WriteAsync(BlobKeys.Artifact(modelId, 1, SphinxModelManifest.EvaluationFileName), content, CancellationToken.None);
    }

    [Fact]
    public async Task OldEvaluation_IsCompleted_WithWordAlignmentsAndTheTestFileFoundByName()
    {
        var (client, id) = await TrainedAsync();
        var files = await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        var testFileId = (int)files["data"]!.AsArray().Single(f => (string?)f!["type"] == "test")!["id"]!;
        await StoreAsync(id, OldEvaluation(id, "holdout_1.wav"));

        var response = await client.GetAsync($"{Models}/{id}/evaluation");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationResponse>(Json))!;
        var (found, removed) = (evaluation.Utterances[0], evaluation.Utterances[1]);
        Assert.Equal(testFileId, found.DataFileId);
        Assert.Null(removed.DataFileId);
        Assert.Equal(
            [new("takes", "takes", WordAlignmentKind.Correct), new("warfarin", "war", WordAlignmentKind.Substitution),
             new("daily", "daily", WordAlignmentKind.Correct), new(null, "now", WordAlignmentKind.Insertion)],
            found.BaseAlignment!);
        Assert.All(found.CustomAlignment!, pair => Assert.Equal(WordAlignmentKind.Correct, pair.Kind));
        Assert.Equal([new AlignedWordDto("a", "a", WordAlignmentKind.Correct), new("b", null, WordAlignmentKind.Deletion)], removed.BaseAlignment!);
    }

    [Fact]
    public async Task Alignments_AreSerializedWithTheirKindsInWords()
    {
        var (client, id) = await TrainedAsync();
        await StoreAsync(id, OldEvaluation(id, "holdout_1.wav"));

        var body = await client.GetStringAsync($"{Models}/{id}/evaluation");

        Assert.Contains("\"base_alignment\":[{\"reference_word\":\"takes\",\"hypothesis_word\":\"takes\",\"kind\":\"correct\"}", body);
        Assert.Contains("{\"reference_word\":null,\"hypothesis_word\":\"now\",\"kind\":\"insertion\"}", body);
    }

    [Fact]
    public async Task SimulatedRun_HasNoUtterances_OnlyTheRunsTotals()
    {
        var (client, id) = await TrainedAsync();

        var evaluation = (await client.GetFromJsonAsync<EvaluationResponse>($"{Models}/{id}/evaluation", Json))!;

        Assert.Equal(("simulated", 1), (evaluation.Engine, evaluation.Version));
        Assert.Empty(evaluation.Utterances);
    }
}
