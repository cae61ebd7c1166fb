using Dashboard.Shared.Models;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Encryption;

/// <summary>
/// `rotate-key` run as the operator runs it (the program's command, same data folder) beside a running server: new blobs
/// use the new key, old ones stay readable, and `--reencrypt` moves everything to the new key.
/// </summary>
[Trait("Category", "api")]
public sealed partial class KeyRotationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    [GeneratedRegex("^key ([0-9a-f]{16}) is active; ")]
    private static partial Regex ActiveKeyLine();

    private async Task<string> RotateAsync(params string[] options)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(ServerProcess.Environment(factory.Folder), ["rotate-key", .. options]);
        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var match = ActiveKeyLine().Match(line);
        Assert.True(match.Success, line);
        return match.Groups[1].Value;
    }

    private async Task<(HttpClient Client, int ModelId, int FileId, string Blob, byte[] Audio)> UploadAsync(string organization)
    {
        var client = await factory.CreateClientForAsync(organization);
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        var file = await factory.QueryAsync(db => db.DataFiles.FirstAsync(f => f.ModelId == id));
        return (client, id, file.Id, file.AudioBlob, await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("wav", seconds: 5)));
    }

    private static async Task AssertPlaysAsync(HttpClient client, int modelId, int fileId, byte[] audio) =>
        Assert.Equal(audio, await client.GetByteArrayAsync($"{Models}/{modelId}/data/{fileId}/audio"));

    [Fact]
    public async Task RotateKey_MakesNewBlobsUseTheNewKey_WhileOldBlobsKeepTheirKeyAndStayReadable()
    {
        var before = await UploadAsync("rotation-before");
        var oldKey = factory.KeyIdOnDisk(before.Blob);

        var newKey = await RotateAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // a running server looks at the key file at most once a second
        var after = await UploadAsync("rotation-after");

        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(newKey, factory.KeyIdOnDisk(after.Blob));
        Assert.Equal(oldKey, factory.KeyIdOnDisk(before.Blob));
        await AssertPlaysAsync(before.Client, before.ModelId, before.FileId, before.Audio);
        await AssertPlaysAsync(after.Client, after.ModelId, after.FileId, after.Audio);
    }

    [Fact]
    public async Task RotateKeyReencrypt_RewritesEveryBlobAndLogLineUnderTheNewKey_AndTheRunningServerStillReadsThem()
    {
        var pair = await UploadAsync("reencrypt");
        (await pair.Client.PostAsync($"{Models}/{pair.ModelId}/run", null)).EnsureSuccessStatusCode();
        await pair.Client.WaitForStatusAsync(pair.ModelId, TimeSpan.FromMinutes(1), TrainingStatus.Success);
        var oldKey = factory.KeyIdOnDisk(pair.Blob);
        var linesBefore = await factory.QueryAsync(db => db.TrainingLog.Select(l => l.Message).ToListAsync());

        var newKey = await RotateAsync("--reencrypt");

        var blobs = Directory.GetFiles(factory.BlobRoot(), "*", SearchOption.AllDirectories);
        Assert.NotEmpty(blobs);
        Assert.All(blobs, b => Assert.Equal(newKey, factory.KeyIdOnDisk(Path.GetRelativePath(factory.BlobRoot(), b))));
        Assert.NotEqual(oldKey, newKey);
        var linesAfter = await factory.QueryAsync(db => db.TrainingLog.Select(l => l.Message).ToListAsync());
        Assert.Equal(linesBefore.Count, linesAfter.Count);
        Assert.Empty(linesBefore.Intersect(linesAfter));
        await AssertPlaysAsync(pair.Client, pair.ModelId, pair.FileId, pair.Audio);
        Assert.Contains("Validated 1 training and 1 test pairs.", await pair.Client.GetStringAsync($"{Models}/{pair.ModelId}/log?format=text"));
    }
}
