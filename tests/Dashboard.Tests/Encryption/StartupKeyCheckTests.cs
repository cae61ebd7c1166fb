using System.Net.Http.Headers;
using System.Security.Cryptography;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Encryption;

/// <summary>
/// The real server process refuses to start with keys that cannot open what is stored, saying so in one line (no stack
/// trace) with a non-zero exit; with the right keys it serves the stored audio again.
/// </summary>
[Trait("Category", "api")]
public sealed class StartupKeyCheckTests : IDisposable
{
    private const string Models = ApiClientExtensions.Models;
    private readonly string folder = TestTemp.Folder("dashboard-keys-");

    private IDictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var environment = ServerProcess.Environment(folder);
        foreach (var (key, value) in extra) environment[key] = value;
        return environment;
    }

    private string KeyFile => Path.Combine(folder, "data", "keys", "blob-keys.json");

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A server on <paramref name="environment"/> with one uploaded pair; returns what to play it back.</summary>
    private static async Task<(string ApiKey, string AudioPath)> StoreAPairAsync(IDictionary<string, string> environment)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(environment, "create-api-key", "--org", "keys", "--plan", "gold");
        Assert.True(exitCode == 0, stderr);
        var apiKey = stdout.Trim();
        using var server = await ServerProcess.StartAsync(environment);
        using var client = server.CreateClient(apiKey);
        await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        return (apiKey, await AudioFiles.ToneAsync("wav", seconds: 5));
    }

    private static async Task AssertPlaysAsync(IDictionary<string, string> environment, string apiKey, string audioPath)
    {
        using var server = await ServerProcess.StartAsync(environment);
        using var client = server.CreateClient(apiKey);
        var models = await (await client.GetAsync(Models)).ReadJsonAsync(expectSuccess: true);
        var id = (int)models["data"]![0]!["id"]!;
        var files = await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        Assert.Equal(await File.ReadAllBytesAsync(audioPath), await client.GetByteArrayAsync($"{Models}/{id}/data/{(int)files["data"]![0]!["id"]!}/audio"));
    }

    private static async Task<string> AssertRefusesToStartAsync(IDictionary<string, string> environment)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(environment, "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, exitCode);
        var line = Assert.Single((stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Encryption at rest: ", line);
        return line;
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")] // "short": valid base64, 5 bytes
    public async Task AMalformedConfiguredKey_StopsStartUp_WithOneLineNamingTheSetting(string key)
    {
        var line = await AssertRefusesToStartAsync(Environment(("Encryption__Key", key)));

        Assert.Contains("Encryption:Key must be 32 random bytes in base64", line);
    }

    [Fact]
    public async Task AConfiguredKeyOtherThanTheOneTheBlobsUse_StopsStartUp()
    {
        var (_, _) = await StoreAPairAsync(Environment());

        var line = await AssertRefusesToStartAsync(Environment(("Encryption__Key", NewKey())));

        Assert.Contains("not in the key ring (Encryption:Key)", line);
    }

    [Fact]
    public async Task AMissingKeyFile_StopsStartUp_RatherThanMakingANewKeyThatOpensNothing()
    {
        var (apiKey, audio) = await StoreAPairAsync(Environment());
        var backup = await File.ReadAllTextAsync(KeyFile);
        File.Delete(KeyFile);

        var line = await AssertRefusesToStartAsync(Environment());

        Assert.Contains($"Encryption key file {KeyFile} is missing", line);
        Assert.False(File.Exists(KeyFile));
        await File.WriteAllTextAsync(KeyFile, backup); // restored from the backup: the data is back
        await AssertPlaysAsync(Environment(), apiKey, audio);
    }

    [Fact]
    public async Task AKeyFromConfiguration_RotatesThroughPreviousKeys_AndReencrypt()
    {
        var (oldKey, newKey) = (NewKey(), NewKey());
        var (apiKey, audio) = await StoreAPairAsync(Environment(("Encryption__Key", oldKey)));
        Assert.False(File.Exists(KeyFile));

        var rotated = Environment(("Encryption__Key", newKey), ("Encryption__PreviousKeys", oldKey));
        await AssertPlaysAsync(rotated, apiKey, audio);
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(rotated, "rotate-key", "--reencrypt");
        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"re-encrypted \d+ blobs", stdout); // two pairs (audio and transcript each) and their retained copies

        await AssertPlaysAsync(Environment(("Encryption__Key", newKey)), apiKey, audio);
    }

    [Fact]
    public async Task TurningEncryptionOff_OverEncryptedData_StopsStartUp()
    {
        await StoreAPairAsync(Environment());

        var line = await AssertRefusesToStartAsync(Environment(("Encryption__Enabled", "false")));

        Assert.Matches(@"Encryption:Enabled is false, but the storage holds \d+ encrypted blobs", line);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
