using System.Net;
using System.Net.Http.Headers;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Evaluation;

/// <summary>GET /api/v3/custom_models/{id}/data/{file_id}/audio: the uploaded audio, streamed with range requests, to its organization only.</summary>
[Trait("Category", "api")]
public sealed class DataAudioApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private async Task<(HttpClient Owner, int ModelId, int FileId, string AudioPath)> UploadedAsync(string extension)
    {
        var owner = await factory.CreateClientForAsync("audio-owner-" + Guid.NewGuid().ToString("N"));
        var audio = await AudioFiles.ToneAsync(extension, seconds: 3);
        var id = await new CustomModelBuilder(owner).WithTest(() => Task.FromResult(audio), $"holdout_1.{extension}").CreateAsync();
        var files = await (await owner.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        return (owner, id, (int)files["data"]![0]!["id"]!, audio);
    }

    [Theory]
    [InlineData("wav", "audio/wav")]
    [InlineData("mp3", "audio/mpeg")]
    [InlineData("flac", "audio/flac")]
    [InlineData("ogg", "audio/ogg")]
    public async Task Audio_Returns200_WithTheUploadedBytesAndTheFormatsContentType(string extension, string contentType)
    {
        var (owner, id, fileId, path) = await UploadedAsync(extension);

        var response = await owner.GetAsync($"{Models}/{id}/data/{fileId}/audio");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal(await File.ReadAllBytesAsync(path), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Audio_AnswersARangeRequest_With206AndThatSliceOnly()
    {
        var (owner, id, fileId, path) = await UploadedAsync("wav");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Models}/{id}/data/{fileId}/audio");
        request.Headers.Range = new RangeHeaderValue(100, 299);

        var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal($"bytes 100-299/{bytes.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[100..300], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Audio_OfAnotherOrganizationsModel_Returns404ModelNotFound()
    {
        var (_, id, fileId, _) = await UploadedAsync("wav");
        var stranger = await factory.CreateClientForAsync("audio-stranger-" + Guid.NewGuid().ToString("N"));

        var error = await (await stranger.GetAsync($"{Models}/{id}/data/{fileId}/audio")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.Equal(id, (int)error["details"]!["model_id"]!);
    }

    [Fact]
    public async Task Audio_OfAFileOfAnotherModel_Returns404NotFound()
    {
        var (owner, _, fileId, _) = await UploadedAsync("wav");
        var other = await new CustomModelBuilder(owner).CreateAsync();

        await (await owner.GetAsync($"{Models}/{other}/data/{fileId}/audio")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Audio_WithoutCredentials_Returns401()
    {
        var (_, id, fileId, _) = await UploadedAsync("wav");

        await (await factory.CreateClient().GetAsync($"{Models}/{id}/data/{fileId}/audio")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
