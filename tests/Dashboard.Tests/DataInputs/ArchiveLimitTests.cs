using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.DataInputs;

public sealed class SmallArchiveLimitsFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Storage:MaxArchiveEntries"] = "8",
        ["Storage:MaxArchiveEntryMegabytes"] = "1",
        ["Storage:MaxArchiveUncompressedMegabytes"] = "2",
        ["Storage:MaxTextMegabytes"] = "1",
        ["RateLimits:DataUploadsPerHour"] = "1",
    };
}

/// <summary>Storage:MaxArchive* and Storage:MaxTextMegabytes refuse what is too big, and an archive is one upload for the rate limit.</summary>
[Trait("Category", "api")]
public sealed class ArchiveLimitTests(SmallArchiveLimitsFactory factory) : IClassFixture<SmallArchiveLimitsFactory>
{
    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("limits-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    private async Task AssertNothingStoredAsync(int id)
    {
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Archive_OfFivePairs_CountsAsOneUpload_AgainstDataUploadsPerHour()
    {
        var (client, id) = await NewModelAsync();
        var archive = new ArchiveFiles();
        for (var i = 0; i < 4; i++) archive.File($"clip_{i}.wav", await AudioFiles.ToneAsync("wav", 1 + i)).Text($"clip_{i}.txt", $"Clip number {i}.");

        var body = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", await archive.WriteAsync())).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(4, body["accepted"]!.AsArray().Count);

        await (await client.UploadAsync(id, "test", await AudioFiles.ToneAsync("wav"), await AudioFiles.TranscriptAsync("one more")))
            .AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task Archive_WithAnEntryOverTheLimitPerFile_IsRefused_NamingTheEntry()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .Bytes("long_call.wav", ArchiveFiles.Incompressible(1536 * 1024)).Text("long_call.txt", "Too long.")
            .WriteAsync();

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("long_call.wav", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("1 MB", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task Archive_OverTheTotalUnpackedLimit_IsRefused()
    {
        var (client, id) = await NewModelAsync();
        var archive = new ArchiveFiles();
        for (var i = 0; i < 3; i++) archive.Bytes($"part_{i}.wav", ArchiveFiles.Incompressible(900 * 1024)).Text($"part_{i}.txt", "Part.");

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", await archive.WriteAsync())).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("2 MB", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task Archive_WithTooManyEntries_IsRefused()
    {
        var (client, id) = await NewModelAsync();
        var archive = new ArchiveFiles();
        for (var i = 0; i < 9; i++) archive.Text($"note_{i}.txt", "A note.");

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", await archive.WriteAsync())).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("at most 8", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }

    [Fact]
    public async Task TextData_OverMaxTextMegabytes_Returns413NamingTheFile()
    {
        var (client, id) = await NewModelAsync();
        var text = await AudioFiles.TranscriptAsync(string.Concat(Enumerable.Repeat("The patient was seen in clinic today.\n", 40_000)));

        var error = await (await DataInputCalls.UploadTextAsync(client, id, text, "reports.txt")).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        Assert.Contains("reports.txt", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("1 MB", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(id);
    }
}
