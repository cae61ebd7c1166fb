using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>
/// The real server as a child process: a run in progress when the process is killed (SIGKILL) completes by
/// itself when the server starts again on the same database (Quartz's persistent store with RequestRecovery).
/// </summary>
[Trait("Category", "api")]
public sealed class RestartTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-restart-");

    private IDictionary<string, string> Environment => ServerProcess.TrainingEnvironment(folder, simulationSeconds: 8);

    [Fact]
    public async Task ARunCutOffByAKilledServer_CompletesAfterTheServerStartsAgain()
    {
        var (exitCode, key, error) = await ServerProcess.RunCommandAsync(Environment, "create-api-key", "--org", "Restart", "--plan", "gold");
        Assert.True(exitCode == 0, error);
        key = key.Trim();
        int id;
        using (var first = await ServerProcess.StartAsync(Environment))
        {
            using var client = first.CreateClient(key);
            id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
            await (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
            var running = await client.WaitForProgressAsync(id);
            Assert.Equal(TrainingStatus.Running, running.Status());

            first.KillAbruptly();
        }

        using var second = await ServerProcess.StartAsync(Environment);
        using var again = second.CreateClient(key);
        var afterRestart = await again.GetModelAsync(id);
        var done = await again.WaitForStatusAsync(id, TimeSpan.FromMinutes(2), TrainingStatus.Success, TrainingStatus.Failed);

        Assert.InRange(afterRestart.Status(), TrainingStatus.Running, TrainingStatus.Success);
        Assert.True(done.Status() == TrainingStatus.Success, $"{done.ToJsonString()}\n{second.Output}");
        Assert.Equal(100, (int)done["training_progress"]!);
        Assert.Equal(1, (int)done["training_metrics"]!["version"]!);
        var log = await (await again.GetAsync($"{ApiClientExtensions.Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        var messages = log["lines"]!.AsArray().Select(l => (string)l!["message"]!).ToList();
        Assert.Contains(messages, m => m.StartsWith("The server restarted during this run", StringComparison.Ordinal));
        Assert.StartsWith("Training succeeded", messages[^1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
