using System.Diagnostics;

namespace Dashboard.Tests.Sphinx;

/// <summary>The official Deepgram JavaScript SDK (@deepgram/sdk 5.13.0 from npm), run by node against our server.</summary>
public static class DeepgramSdk
{
    public const string Version = "5.13.0";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", $"deepgram-sdk-{Version}");
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private const string Script = """
        const { DeepgramClient } = require("@deepgram/sdk");
        const fs = require("fs");
        (async () => {
          const client = new DeepgramClient({ apiKey: process.env.DG_API_KEY, baseUrl: process.env.DG_BASE_URL });
          const response = await client.listen.v1.media.transcribeFile(fs.readFileSync(process.env.DG_AUDIO),
            { model: process.env.DG_MODEL, mip_opt_out: true, punctuate: true, language: "en" });
          console.log(JSON.stringify(response));
        })().catch(e => { console.error(e); process.exit(1); });
        """;

    /// <summary>Transcribes a file with the SDK's pre-recorded API; returns the SDK's parsed response as JSON text.</summary>
    public static async Task<string> TranscribeFileAsync(Uri baseUrl, string apiKey, string model, string audioPath)
    {
        await EnsureInstalledAsync();
        var script = Path.Combine(Folder, "transcribe.cjs");
        await File.WriteAllTextAsync(script, Script);
        var (exit, output, error) = await RunAsync("node", [script], new()
        {
            ["DG_BASE_URL"] = baseUrl.ToString().TrimEnd('/'), ["DG_API_KEY"] = apiKey, ["DG_MODEL"] = model, ["DG_AUDIO"] = audioPath,
        });
        return exit == 0 ? output : throw new InvalidOperationException($"node failed ({exit}): {error}");
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Folder, "node_modules", "@deepgram", "sdk", "package.json"))) return;
            Directory.CreateDirectory(Folder);
            var (exit, _, error) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--prefix", Folder, $"@deepgram/sdk@{Version}"], []);
            if (exit != 0) throw new InvalidOperationException($"npm install @deepgram/sdk@{Version} failed: {error}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string tool, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
