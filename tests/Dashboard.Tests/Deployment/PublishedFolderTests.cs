using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Deployment;

/// <summary>
/// `dotnet publish src/Dashboard.Server -o out` gives a folder an operator can run as it is: it carries the
/// operator's appsettings.json, and `dotnet out/Dashboard.Server.dll` started from another working directory reads
/// that file, keeps its data beside it and serves the pages with their scripts.
/// </summary>
[Trait("Category", "api")]
public sealed class PublishedFolderTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("dashboard-publish-");
    private string Out => Path.Combine(folder, "out");
    private string Elsewhere => Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;

    [Fact]
    public async Task PublishedFolder_RunsFromAnotherWorkingDirectory_WithItsOwnConfigurationAndData()
    {
        await PublishAsync();
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "appsettings.json")), File.ReadAllText(Path.Combine(Out, "appsettings.json")));

        var launch = new ServerProcess.Launch(new Dictionary<string, string>(), Path.Combine(Out, "Dashboard.Server.dll"), Elsewhere);
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
