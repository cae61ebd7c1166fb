using Dashboard.Shared.Models;
using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Deployment;

/// <summary>
/// `dotnet publish src/Dashboard.Server -o out` gives a folder an operator can run as it is: it carries the
/// operator's appsettings.json, and `dotnet out/Dashboard.Server.dll` started from another working directory reads
/// that file, keeps its data beside it and serves the pages with their scripts. With no engine setting it trains real
/// models (sphinx): the shipped file says so, and a tiny model trained there has a per-utterance evaluation.
/// </summary>
[Trait("Category", "api")]
public sealed class PublishedFolderTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-publish-");
    private string Out => Path.Combine(folder, "out");
    private string Elsewhere => Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;

    [Fact]
    public async Task PublishedFolder_RunsFromAnotherWorkingDirectory_WithItsOwnConfigurationAndData_AndTrainsWithSphinx()
    {
        await PublishAsync();
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "appsettings.json")), File.ReadAllText(Path.Combine(Out, "appsettings.json")));
        Assert.Equal("sphinx", new ConfigurationBuilder().AddJsonFile(Path.Combine(Out, "appsettings.json")).Build()["Training:Engine"]);

        // No engine setting: only the minimum (a tiny data set) and the polling limit differ from the shipped file.
        var settings = new Dictionary<string, string> { ["Training__MinimumAudioHours"] = "0.001", ["RateLimits__StatusChecksPerMinute"] = "10000" };
        var launch = new ServerProcess.Launch(settings, Path.Combine(Out, "Dashboard.Server.dll"), Elsewhere);
        var (exitCode, key, error) = await ServerProcess.RunCommandAsync(launch, "create-api-key", "--org", "Published", "--plan", "gold");
        Assert.True(exitCode == 0, error);

        using var server = await ServerProcess.StartAsync(launch);
        using var client = server.CreateClient(key.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v3/custom_models", UriKind.Relative))).StatusCode);
        var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        Assert.Contains("_framework/blazor.web.js", login, StringComparison.Ordinal);
        Assert.True((await client.GetByteArrayAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative))).Length > 10_000);

        Assert.True(File.Exists(Path.Combine(Out, "data", "dashboard.db")), "the data folder resolves against the published folder");
        Assert.False(Directory.Exists(Path.Combine(Elsewhere, "data")), "nothing is written to the working directory");
        Assert.DoesNotContain("Request starting", server.Output, StringComparison.Ordinal);
        await TrainsWithSphinxAsync(client);
    }

    private static async Task TrainsWithSphinxAsync(HttpClient client)
    {
        var id = (int)(await client.CreateModelAsync("Published cardiology", "medical"))["id"]!;
        Assert.Equal("sphinx", (string?)(await client.GetModelAsync(id))["engine"]);
        foreach (var (type, text) in new[] { ("train", "the patient takes warfarin daily"), ("train", "atrial fibrillation with rapid response"), ("test", "the patient has atrial fibrillation") })
            await (await client.UploadAsync(id, type, await AudioFiles.SpeechAsync(text), await AudioFiles.TranscriptAsync(text))).ReadJsonAsync(expectSuccess: true);
        await (await client.PostAsync(new Uri($"{ApiClientExtensions.Models}/{id}/run", UriKind.Relative), null)).ReadJsonAsync(expectSuccess: true);

        var model = await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(5), TrainingStatus.Success, TrainingStatus.Failed);

        Assert.True(model.Status() == TrainingStatus.Success, model.ToJsonString());
        Assert.Equal("sphinx", (string?)model["engine"]);
        var evaluation = await (await client.GetAsync(new Uri($"{ApiClientExtensions.Models}/{id}/evaluation", UriKind.Relative))).ReadJsonAsync(expectSuccess: true);
        Assert.Equal("sphinx", (string?)evaluation["engine"]);
        Assert.Single(evaluation["utterances"]!.AsArray());
    }

    private async Task PublishAsync()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(Repository.Root, "src", "Dashboard.Server", "Dashboard.Server.csproj"), "-c", configuration, "--no-build", "-o", Out })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await output);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
