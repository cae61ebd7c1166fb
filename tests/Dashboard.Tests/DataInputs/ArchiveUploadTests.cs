using Dashboard.Shared.Models;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.DataInputs;

/// <summary>PUT .../data with archive_file: a ZIP of pairs, each checked as a single upload; hostile archives refused whole.</summary>
[Trait("Category", "api")]
public sealed class ArchiveUploadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("archive-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    private static Dictionary<string, string> Reasons(JsonNode body) =>
        body["rejected"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => (string)r!["reason"]!);

    private async Task AssertNothingStoredAsync(HttpClient client, int id)
    {
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task Archive_OfPairsPairedByBaseName_StoresEveryPair_InFoldersOrNot()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .File("call_01.wav", await AudioFiles.SpeechAsync("the patient has atrial fibrillation"))
            .Text("call_01.txt", "The patient has atrial fibrillation.")
            .File("calls/call_02.mp3", await AudioFiles.ToneAsync("mp3", 2))
            .Text("transcripts/CALL_02.txt", "Blood pressure is 120/80.")
            .File("call_03.flac", await AudioFiles.ToneAsync("flac", 3))
            .Text("call_03.txt", "Follow up in two weeks.")
            .Text("__MACOSX/._call_01.wav", "resource fork")
            .WriteAsync();

        var body = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertStatusAsync(HttpStatusCode.OK);

        var accepted = body["accepted"]!.AsArray();
        Assert.Equal(["call_01.wav", "call_02.mp3", "call_03.flac"], accepted.Select(f => (string)f!["audio_file_name"]!).Order());
        Assert.All(accepted, f => Assert.Equal("train", (string?)f!["type"]));
        Assert.Equal(["flac", "mp3", "wav"], accepted.Select(f => (string)f!["format"]!).Order());
        Assert.Empty(body["rejected"]!.AsArray());
        Assert.Equal(3, (int)body["model"]!["data"]!["train_files"]!);
        Assert.Equal(6, factory.BlobsOf(id).Count);
        Assert.Empty(factory.StagedFiles());
        Assert.Equal(3, (await (await client.GetAsync($"{ApiClientExtensions.Models}/{id}/data")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task Archive_WithATransTxtManifest_PairsByItsLines_AndRejectsLinesWithoutAudio()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .File("audio/a1.wav", await AudioFiles.ToneAsync("wav", 2))
            .File("audio/a2.wav", await AudioFiles.ToneAsync("wav", 3))
            .Text("trans.txt", "a1.wav\tThe first sentence.\naudio/a2.wav\tThe second sentence is longer.\nmissing.wav\tNobody said this.\nno tab on this line\n")
            .WriteAsync();

        var body = await (await DataInputCalls.UploadArchiveAsync(client, id, "test", zip)).AssertStatusAsync(HttpStatusCode.OK);

        var accepted = body["accepted"]!.AsArray();
        Assert.Equal(["a1.wav", "a2.wav"], accepted.Select(f => (string)f!["audio_file_name"]!).Order());
        Assert.Equal([3, 5], accepted.Select(f => (int)f!["transcript_words"]!).Order());
        var reasons = Reasons(body);
        Assert.Equal(["trans.txt line 3", "trans.txt line 4"], reasons.Keys.Order());
        Assert.Contains("missing.wav", reasons["trans.txt line 3"], StringComparison.Ordinal);
        Assert.Contains("TAB", reasons["trans.txt line 4"], StringComparison.Ordinal);
        Assert.Equal(2, (int)body["model"]!["data"]!["test_files"]!);
    }

    [Fact]
    public async Task Archive_WithSomeBadPairs_StoresTheGoodOnes_AndNamesEachRejectedFileWithItsReason()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .File("good.wav", await AudioFiles.ToneAsync("wav", 2))
            .Text("good.txt", "A good pair.")
            .File("lonely.wav", await AudioFiles.ToneAsync("wav", 2))
            .File("fake.mp3", await AudioFiles.NotAudioAsync())
            .Text("fake.txt", "This audio is not audio.")
            .File("silent.wav", await AudioFiles.ToneAsync("wav", 2))
            .Text("silent.txt", "  \n ")
            .Text("orphan.txt", "A transcript without audio.")
            .Text("notes.pdf", "%PDF-1.4")
            .WriteAsync();

        var body = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(["good.wav"], body["accepted"]!.AsArray().Select(f => (string)f!["audio_file_name"]!));
        var reasons = Reasons(body);
        Assert.Equal(["fake.mp3", "lonely.wav", "notes.pdf", "orphan.txt", "silent.wav"], reasons.Keys.Order());
        Assert.Contains("not a readable audio file", reasons["fake.mp3"], StringComparison.Ordinal);
        Assert.DoesNotContain(factory.StorageRoot, reasons["fake.mp3"], StringComparison.Ordinal); // never our staging path
        Assert.StartsWith("silent.txt: ", reasons["silent.wav"], StringComparison.Ordinal);
        Assert.Contains("lonely.txt", reasons["lonely.wav"], StringComparison.Ordinal);
        Assert.Contains("empty", reasons["silent.wav"], StringComparison.Ordinal);
        Assert.Contains("no audio file", reasons["orphan.txt"], StringComparison.Ordinal);
        Assert.Contains("neither an audio file", reasons["notes.pdf"], StringComparison.Ordinal);
        Assert.Equal(1, await factory.DataFileCountAsync(id));
        Assert.Equal(2, factory.BlobsOf(id).Count);
        Assert.Empty(factory.StagedFiles());
    }

    [Theory]
    [InlineData("../escape.wav")]
    [InlineData("audio/../../escape.wav")]
    [InlineData("/etc/escape.wav")]
    [InlineData("C:\\escape.wav")]
    public async Task Archive_WithAnEntryNameThatClimbsOutOrIsAbsolute_IsRefusedWhole(string hostileName)
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .File("good.wav", await AudioFiles.ToneAsync("wav", 2)).Text("good.txt", "A good pair.")
            .File(hostileName, await AudioFiles.ToneAsync("wav", 2)).Text("escape.txt", "Climbing out.")
            .WriteAsync();

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("batch.zip", (string?)error["message"], StringComparison.Ordinal);
        Assert.Contains("refused", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(client, id);
        Assert.False(File.Exists(Path.Combine(factory.StorageRoot, "escape.wav")));
    }

    [Fact]
    public async Task Archive_ThatIsAZipBomb_IsRefusedBeforeUnpacking()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles()
            .File("good.wav", await AudioFiles.ToneAsync("wav", 2)).Text("good.txt", "A good pair.")
            .Bytes("bomb.wav", new byte[64 * 1024 * 1024], CompressionLevel.SmallestSize).Text("bomb.txt", "Zeros.")
            .WriteAsync();
        Assert.True(new FileInfo(zip).Length < 1024 * 1024, "the bomb packs 64 MB into well under 1 MB");

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("zip bomb", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("bomb.wav", (string?)error["details"]!["entry"]);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Archive_ThatIsNotAZip_Returns400NamingIt_AndStoresNothing()
    {
        var (client, id) = await NewModelAsync();

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", await AudioFiles.ToneAsync("wav"), "recordings.zip"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Contains("recordings.zip", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Archive_WhereNoPairIsGood_Returns400_ListingEveryRejection_AndStoresNothing()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles().File("fake.wav", await AudioFiles.NotAudioAsync()).Text("fake.txt", "Nothing.").Text("orphan.txt", "Alone.").WriteAsync();

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "train", zip)).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_ARCHIVE");

        Assert.Equal(["fake.wav", "orphan.txt"], error["details"]!["rejected"]!.AsArray().Select(r => (string)r!["name"]!).Order());
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Archive_OfTypeText_Returns400ValidationFailed()
    {
        var (client, id) = await NewModelAsync();
        var zip = await new ArchiveFiles().File("a.wav", await AudioFiles.ToneAsync("wav")).Text("a.txt", "Words.").WriteAsync();

        var error = await (await DataInputCalls.UploadArchiveAsync(client, id, "text", zip)).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("type", (string?)error["details"]!["field"]);
        await AssertNothingStoredAsync(client, id);
    }
}
