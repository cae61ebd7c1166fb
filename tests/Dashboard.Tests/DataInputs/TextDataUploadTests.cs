using Dashboard.Shared.Models;
using System.Net;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.DataInputs;

/// <summary>PUT .../data with type=text and text_file: domain sentences for the language model, checked like transcripts, no audio hours.</summary>
[Trait("Category", "api")]
public sealed class TextDataUploadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("text-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    [Fact]
    public async Task TextData_IsStoredAndListed_WithItsSentencesWordsAndSize_ButCountsNoAudioHours()
    {
        var (client, id) = await NewModelAsync();
        var text = await AudioFiles.TranscriptAsync("Echo showed mild mitral regurgitation. Start apixaban 5 mg twice daily!\nReview in 3 weeks.\n\nNo chest pain");

        var body = await (await DataInputCalls.UploadTextAsync(client, id, text, "past-reports.txt")).AssertStatusAsync(HttpStatusCode.OK);

        var file = body["file"]!;
        Assert.Equal("text", (string?)file["type"]);
        Assert.Equal("past-reports.txt", (string?)file["transcript_file_name"]);
        Assert.Equal(4, (int)file["sentences"]!);
        Assert.Equal(18, (int)file["transcript_words"]!);
        Assert.Equal(new FileInfo(text).Length, (long)file["transcript_bytes"]!);
        Assert.Equal(0, (double)file["duration_seconds"]!);
        var model = body["model"]!;
        Assert.Equal(0, (int)model["data"]!["train_files"]!);
        Assert.Equal(0, (double)model["data"]!["train_hours"]!);
        Assert.Equal(TrainingStatus.NotRunning, model.Status());
        var listed = (await (await client.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
        Assert.Equal("text", (string?)Assert.Single(listed)!["type"]);
        Assert.Single(factory.BlobsOf(id));
    }

    [Fact]
    public async Task TextData_DoesNotCountTowardTheTrainAndTestRequirement()
    {
        var (client, id) = await NewModelAsync();
        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), await AudioFiles.TranscriptAsync("a pair"))).AssertStatusAsync(HttpStatusCode.OK);
        await (await DataInputCalls.UploadTextAsync(client, id, await AudioFiles.TranscriptAsync("Some domain text."), "notes.txt")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
        await (await client.PostAsync($"{Models}/{id}/run", null)).AssertErrorAsync(HttpStatusCode.Conflict, "MODEL_NOT_READY");
    }

    [Fact]
    public async Task TextData_CanBeDeleted_AndHasNoAudioToPlay()
    {
        var (client, id) = await NewModelAsync();
        var body = await (await DataInputCalls.UploadTextAsync(client, id, await AudioFiles.TranscriptAsync("Some domain text."), "notes.txt")).AssertStatusAsync(HttpStatusCode.OK);
        var fileId = (int)body["file"]!["id"]!;

        await (await client.GetAsync($"{Models}/{id}/data/{fileId}/audio")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await client.DeleteAsync($"{Models}/{id}/data/{fileId}")).AssertStatusAsync(HttpStatusCode.NoContent);

        Assert.Empty(factory.BlobsOf(id));
        Assert.Equal(0, await factory.DataFileCountAsync(id));
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("binary")]
    [InlineData("empty")]
    public async Task TextData_ThatIsNotNonEmptyUtf8Text_Returns400InvalidTextNamingTheFile_AndStoresNothing(string kind)
    {
        var (client, id) = await NewModelAsync();
        var path = kind == "binary" ? await AudioFiles.ToneAsync("wav") : await AudioFiles.TranscriptAsync("");
        if (kind == "latin1") await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("Le patient a été vu, café crème."));
        if (kind == "empty") await File.WriteAllTextAsync(path, " \n\t\n");

        var error = await (await DataInputCalls.UploadTextAsync(client, id, path, "reports-2024.txt")).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TEXT");

        Assert.Contains("reports-2024.txt", (string?)error["message"], StringComparison.Ordinal);
        Assert.Equal("text_file", (string?)error["details"]!["field"]);
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task TextType_WithoutATextFile_Returns400ValidationFailed()
    {
        var (client, id) = await NewModelAsync();

        var error = await (await client.UploadAsync(id, "text", await AudioFiles.ToneAsync("wav"), await AudioFiles.TranscriptAsync("words")))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("text_file", (string?)error["details"]!["field"]);
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.StagedFiles());
    }
}
