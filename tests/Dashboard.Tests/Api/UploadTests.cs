using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>PUT /custom_models/{id}/data: audio probed by content, transcripts checked, both accepted or nothing changes.</summary>
[Trait("Category", "api")]
public sealed class UploadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("upload-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    private static Task<string> Transcript() => AudioFiles.TranscriptAsync("the patient has atrial fibrillation");

    private async Task AssertNothingStoredAsync(HttpClient client, int id)
    {
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
        var model = await client.GetModelAsync(id);
        Assert.Equal(0, (int)model["data"]!["train_files"]!);
        Assert.Equal(TrainingStatus.NotRunning, model.Status());
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("mp3")]
    [InlineData("flac")]
    [InlineData("m4a")]
    [InlineData("aac")]
    [InlineData("ogg")]
    public async Task Upload_AcceptsEachSupportedFormat_AndReportsWhatFfprobeMeasured(string format)
    {
        var (client, id) = await NewModelAsync();
        var audio = await AudioFiles.ToneAsync(format, seconds: 3);

        var body = await (await client.UploadAsync(id, "train", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);

        var file = body["file"]!;
        Assert.Equal(format, (string?)file["format"]);
        Assert.InRange((double)file["duration_seconds"]!, 2.9, 3.2);
        Assert.Equal(16000, (int)file["sample_rate"]!);
        Assert.Equal(1, (int)file["channels"]!);
        Assert.Equal(5, (int)file["transcript_words"]!);
        Assert.Equal(new FileInfo(audio).Length, (long)file["audio_bytes"]!);
        Assert.Equal(2, factory.BlobsOf(id).Count);
        Assert.Equal(1, (int)body["model"]!["data"]!["train_files"]!);
    }

    [Theory]
    [InlineData("wav", "interview.mp3")]
    [InlineData("mp3", "dictation.wav")]
    [InlineData("flac", "no-extension")]
    public async Task Upload_IdentifiesAudioByContent_NotByItsName(string format, string clientName)
    {
        var (client, id) = await NewModelAsync();

        var body = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync(format), await Transcript(), clientName))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(format, (string?)body["file"]!["format"]);
        Assert.Equal(clientName, (string?)body["file"]!["audio_file_name"]);
    }

    [Fact]
    public async Task Upload_Returns400NamingTheFile_AndStoresNothing_WhenTheAudioIsNotAudio()
    {
        var (client, id) = await NewModelAsync();

        var error = await (await client.UploadAsync(id, "train", await AudioFiles.NotAudioAsync(), await Transcript(), "cardiology_01.mp3"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_AUDIO");

        Assert.Contains("cardiology_01.mp3", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("cardiology_01.mp3", (string?)error["details"]!["file"]);
        Assert.Equal("audio_file", (string?)error["details"]!["field"]);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Upload_Returns400NamingTheFile_AndStoresNothing_WhenTheAudioIsTruncated()
    {
        var (client, id) = await NewModelAsync();

        var error = await (await client.UploadAsync(id, "train", await AudioFiles.TruncatedAsync(), await Transcript(), "cut_off.wav"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_AUDIO");

        Assert.Contains("cut_off.wav", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(client, id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t \r\n")]
    public async Task Upload_Returns400NamingTheTranscript_AndStoresNothing_WhenTheTranscriptIsEmpty(string text)
    {
        var (client, id) = await NewModelAsync();
        var transcript = await AudioFiles.TranscriptAsync(text);

        var error = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), transcript, transcriptName: "notes_01.txt"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TRANSCRIPT");

        Assert.Contains("notes_01.txt", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("transcript_file", (string?)error["details"]!["field"]);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Upload_Returns400_AndStoresNothing_WhenTheTranscriptIsNotUtf8()
    {
        var (client, id) = await NewModelAsync();
        var transcript = await AudioFiles.TranscriptAsync("");
        await File.WriteAllBytesAsync(transcript, Encoding.Latin1.GetBytes("le patient a une fibrillation auriculaire, café"));

        var error = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), transcript, transcriptName: "latin1.txt"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TRANSCRIPT");

        Assert.Contains("UTF-8", (string?)error["message"], StringComparison.Ordinal);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Upload_Returns400_WhenTheTranscriptIsBinary()
    {
        var (client, id) = await NewModelAsync();

        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), await AudioFiles.ToneAsync("wav"), transcriptName: "transcript.txt"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TRANSCRIPT");

        await AssertNothingStoredAsync(client, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("validation")]
    public async Task Upload_Returns400ValidationFailed_WhenTypeIsMissingOrUnknown(string? type)
    {
        var (client, id) = await NewModelAsync();
        using var form = new MultipartFormDataContent();
        if (type is not null) form.Add(new StringContent(type), "type");
        form.Add(new StreamContent(File.OpenRead(await AudioFiles.ToneAsync("wav"))), "audio_file", "a.wav");
        form.Add(new StreamContent(File.OpenRead(await Transcript())), "transcript_file", "a.txt");

        var error = await (await client.PutAsync($"{Models}/{id}/data", form)).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("type", (string?)error["details"]!["field"]);
        await AssertNothingStoredAsync(client, id);
    }

    [Theory]
    [InlineData("audio_file")]
    [InlineData("transcript_file")]
    public async Task Upload_Returns400ValidationFailed_WhenAFileIsMissing(string missing)
    {
        var (client, id) = await NewModelAsync();
        using var form = new MultipartFormDataContent { { new StringContent("train"), "type" } };
        if (missing != "audio_file") form.Add(new StreamContent(File.OpenRead(await AudioFiles.ToneAsync("wav"))), "audio_file", "a.wav");
        if (missing != "transcript_file") form.Add(new StreamContent(File.OpenRead(await Transcript())), "transcript_file", "a.txt");

        var error = await (await client.PutAsync($"{Models}/{id}/data", form)).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(missing, (string?)error["details"]!["field"]);
        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Upload_Returns415InTheEnvelope_WhenTheBodyIsNotMultipart()
    {
        var (client, id) = await NewModelAsync();

        await (await client.PutAsJsonAsync($"{Models}/{id}/data", new { type = "train" })).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");

        await AssertNothingStoredAsync(client, id);
    }

    [Fact]
    public async Task Upload_Returns404ModelNotFound_ForAModelThatDoesNotExist()
    {
        var (client, _) = await NewModelAsync();

        await (await client.UploadAsync(987654, "train", await AudioFiles.ToneAsync("wav"), await Transcript()))
            .AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Upload_WarnsAndStoresTheWarning_BelowSixteenKilohertz()
    {
        var (client, id) = await NewModelAsync();

        var body = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav", sampleRate: 8000), await Transcript(), "phone_call.wav"))
            .AssertStatusAsync(HttpStatusCode.OK);

        var warning = Assert.Single(body["warnings"]!.AsArray());
        Assert.Contains("phone_call.wav", (string?)warning, StringComparison.Ordinal);
        Assert.Contains("16 kHz", (string?)warning, StringComparison.Ordinal);
        var listed = await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        var stored = Assert.Single(listed["data"]!.AsArray())!;
        Assert.Contains("16 kHz", (string?)Assert.Single(stored["warnings"]!.AsArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WarnsAndStoresTheWarning_Below128Kbps()
    {
        var (client, id) = await NewModelAsync();

        var body = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("mp3", bitRate: "64k"), await Transcript()))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Contains("128 kbps", (string?)Assert.Single(body["warnings"]!.AsArray()), StringComparison.Ordinal);
        var listed = await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        Assert.Contains("128 kbps", (string?)Assert.Single(listed["data"]![0]!["warnings"]!.AsArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_GivesNoWarnings_ForSixteenKilohertzAudioAtHighBitRate()
    {
        var (client, id) = await NewModelAsync();

        var body = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("mp3", bitRate: "192k"), await Transcript()))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Empty(body["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Upload_NeverUsesTheClientFileNameAsAPath()
    {
        var (client, id) = await NewModelAsync();
        var outside = Path.GetFullPath(Path.Combine(factory.StorageRoot, "blobs", "models", id.ToString(), "train", "..", "..", "..", "..", "evil.mp3"));

        var body = await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("mp3"), await Transcript(), "../../evil.mp3", @"..\..\evil.txt"))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("evil.mp3", (string?)body["file"]!["audio_file_name"]);
        Assert.Equal("evil.txt", (string?)body["file"]!["transcript_file_name"]);
        Assert.Empty(Directory.GetFiles(factory.Folder, "*evil*", SearchOption.AllDirectories));
        Assert.False(File.Exists(outside));
        var blobs = factory.BlobsOf(id);
        Assert.Equal(2, blobs.Count);
        Assert.All(blobs, b => Assert.StartsWith(Path.Combine(factory.BlobRoot(), "models", id.ToString(), "train") + Path.DirectorySeparatorChar, b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_MakesTheModelReadyToRun_OnlyOnceBothTrainAndTestDataExist()
    {
        var (client, id) = await NewModelAsync();
        var audio = await AudioFiles.ToneAsync("wav");

        var firstTrain = await (await client.UploadAsync(id, "train", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);
        var secondTrain = await (await client.UploadAsync(id, "train", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);
        var test = await (await client.UploadAsync(id, "test", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(TrainingStatus.NotRunning, firstTrain["model"]!.Status());
        Assert.Equal(TrainingStatus.NotRunning, secondTrain["model"]!.Status());
        Assert.Equal(TrainingStatus.ReadyToRun, test["model"]!.Status());
        Assert.Equal(TrainingStatus.ReadyToRun, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task Upload_OfTestDataFirst_AlsoWaitsForTrainData()
    {
        var (client, id) = await NewModelAsync();
        var audio = await AudioFiles.ToneAsync("wav");

        var test = await (await client.UploadAsync(id, "test", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);
        var train = await (await client.UploadAsync(id, "train", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(TrainingStatus.NotRunning, test["model"]!.Status());
        Assert.Equal(TrainingStatus.ReadyToRun, train["model"]!.Status());
    }

    [Fact]
    public async Task DeleteData_RemovesThePairsFiles_AndTheModelIsNoLongerReady()
    {
        var (client, id) = await NewModelAsync();
        var audio = await AudioFiles.ToneAsync("wav");
        await (await client.UploadAsync(id, "train", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);
        var test = await (await client.UploadAsync(id, "test", audio, await Transcript())).AssertStatusAsync(HttpStatusCode.OK);
        var fileId = (int)test["file"]!["id"]!;

        await (await client.DeleteAsync($"{Models}/{id}/data/{fileId}")).AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
        Assert.Equal(2, factory.BlobsOf(id).Count);
        Assert.DoesNotContain(factory.BlobsOf(id), b => b.Contains($"{Path.DirectorySeparatorChar}test{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        await (await client.DeleteAsync($"{Models}/{id}/data/{fileId}")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Upload_AcceptsTheSeedsCurlForm_WithPlainContentTypes()
    {
        var (client, id) = await NewModelAsync();
        using var form = new MultipartFormDataContent { { new StringContent("train"), "type" } };
        var audio = new ByteArrayContent(await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("mp3")));
        audio.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(audio, "audio_file", "cardiology_01.mp3");
        var transcript = new ByteArrayContent("the patient has atrial fibrillation"u8.ToArray());
        transcript.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(transcript, "transcript_file", "cardiology_01.txt");

        var body = await (await client.PutAsync($"{Models}/{id}/data", form)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("cardiology_01.mp3", (string?)body["file"]!["audio_file_name"]);
        Assert.Equal("train", (string?)body["file"]!["type"]);
    }
}
