using Dashboard.Shared.Models;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Privacy;
using Dashboard.Tests.Sphinx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Versions;

/// <summary>
/// A version worse than the base model on the test set does not start serving: the previous version, or the base model
/// for a first version, keeps answering `custom_model_{id}` until an admin chooses to serve it; the API says which serves.
/// Worse versions come from the simulated engine told to report a negative improvement
/// (<c>Training:Simulation:ImprovementPercent</c>), changed between runs as an operator changes a setting.
/// </summary>
[Trait("Category", "api")]
public sealed class HeldBackVersionTests(DashboardFactory factory) : IClassFixture<DashboardFactory>, IDisposable
{
    private const string Models = ApiClientExtensions.Models;
    private const double Worse = -12;

    private void SimulateImprovement(double? percent)
    {
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        configuration["Training:Simulation:ImprovementPercent"] = percent?.ToString(CultureInfo.InvariantCulture);
        configuration.Reload();
    }

    public void Dispose() => SimulateImprovement(null);

    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("held-back-" + Guid.NewGuid().ToString("N"));
        return (client, await new CustomModelBuilder(client).ReadyToRun().CreateAsync());
    }

    /// <summary>What answered a transcription request, as /api/v3/stt and /v1/listen say it.</summary>
    private static async Task<(string Stt, string Listen)> ServedByAsync(HttpClient client, int id)
    {
        var speech = await AudioFiles.SpeechAsync("the patient has atrial fibrillation");
        var stt = await (await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", speech)).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal($"custom_model_{id}", (string?)stt["model"]);
        var listen = await (await SphinxApiCalls.ListenAsync(client, $"custom_model_{id}", speech)).AssertStatusAsync(HttpStatusCode.OK);
        var info = listen["metadata"]!["model_info"]!.AsObject().Single().Value!;
        Assert.Equal($"custom_model_{id}", (string?)info["name"]);
        return ((string)stt["served_by"]!, (string)info["version"]!);
    }

    [Fact]
    public async Task AFirstVersionWorseThanBase_DoesNotServe_TheBaseModelAnswers_UntilAnAdminServesIt_Audited()
    {
        SimulateImprovement(Worse);
        var (client, id) = await NewModelAsync();

        var model = await client.TrainAsync(id);

        var metrics = model["training_metrics"]!;
        Assert.True((double)metrics["word_error_rate"]! > (double)metrics["base_word_error_rate"]!, metrics.ToJsonString());
        var measured = ((double)metrics["base_word_error_rate"]! - (double)metrics["word_error_rate"]!) / (double)metrics["base_word_error_rate"]! * 100;
        Assert.Equal(measured, (double)metrics["accuracy_improvement"]!, 0.01);
        Assert.InRange((double)metrics["accuracy_improvement"]!, -12.5, -11.5);
        Assert.Equal(1, (int)metrics["version"]!);
        Assert.Null(model["serving_version"]);
        Assert.Equal("medical", (string?)model["served_by"]);
        Assert.Equal("simulated", (string?)model["engine"]);
        Assert.Equal(1, (int)model["held_back"]!["version"]!);
        Assert.Equal("worse_than_base", (string?)model["held_back"]!["reason"]);
        Assert.Contains("the base model (medical)", (string?)model["held_back"]!["message"]);
        Assert.Equal(("medical", "medical"), await ServedByAsync(client, id));
        var versions = await client.GetVersionsAsync(id);
        Assert.Null(versions["serving_version"]);
        Assert.Equal("medical", (string?)versions["served_by"]);
        Assert.Equal(1, (int)versions["held_back"]!["version"]!);
        Assert.Equal((true, false), ((bool)versions["data"]![0]!["worse_than_base"]!, (bool)versions["data"]![0]!["serving"]!));
        Assert.Contains(await client.LogMessagesAsync(id), m => m.StartsWith("Version 1 is worse than the base model", StringComparison.Ordinal));

        var served = await (await client.PostAsync($"{Models}/{id}/versions/1/serve", null)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int?)served["serving_version"]);
        Assert.Null(served["held_back"]);
        Assert.Equal(($"custom_model_{id}/v1", $"custom_model_{id}/v1"), await ServedByAsync(client, id));
        var after = await client.GetModelAsync(id);
        Assert.Equal((1, (JsonNode?)null), ((int?)after["serving_version"], after["held_back"]));
        var entry = (await client.AuditAsync()).Single(e => (string)e!["action"]! == "model.version_serve");
        Assert.Equal($"custom_model_{id}/versions/1", (string?)entry!["resource"]);
        Assert.StartsWith("worse than the base model", (string?)entry["detail"]);
        Assert.Contains(await client.LogMessagesAsync(id), m => m.Contains("although it is worse than the base model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWorseRetrain_LeavesThePreviousVersionServing_AndTheModelShowsTheWorseOne()
    {
        var (client, id) = await NewModelAsync();
        var first = (await client.TrainAsync(id))["training_metrics"]!;
        Assert.True((double)first["accuracy_improvement"]! > 0);
        SimulateImprovement(Worse);

        var model = await client.TrainAsync(id);

        Assert.Equal(2, (int)model["training_metrics"]!["version"]!);
        Assert.True((double)model["training_metrics"]!["accuracy_improvement"]! < 0);
        Assert.Equal(1, (int?)model["serving_version"]);
        Assert.Equal(2, (int)model["held_back"]!["version"]!);
        Assert.Contains("answers with version 1", (string?)model["held_back"]!["message"]);
        Assert.Equal(($"custom_model_{id}/v1", $"custom_model_{id}/v1"), await ServedByAsync(client, id));
        var evaluation = await (await client.GetAsync($"{Models}/{id}/evaluation")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)evaluation["version"]!);

        await (await client.PostAsync($"{Models}/{id}/versions/2/serve", null)).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(($"custom_model_{id}/v2", $"custom_model_{id}/v2"), await ServedByAsync(client, id));
    }

    [Fact]
    public async Task ABetterVersion_ServesAtOnce()
    {
        var (client, id) = await NewModelAsync();

        var model = await client.TrainAsync(id);

        Assert.True((double)model["training_metrics"]!["accuracy_improvement"]! > 0);
        Assert.Equal(1, (int?)model["serving_version"]);
        Assert.Null(model["held_back"]);
        Assert.Equal($"custom_model_{id}/v1", (string?)model["served_by"]);
        Assert.Equal(($"custom_model_{id}/v1", $"custom_model_{id}/v1"), await ServedByAsync(client, id));
    }
}
