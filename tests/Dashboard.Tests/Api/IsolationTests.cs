using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>An organization never sees another's models: 404 (not 403) on every endpoint, and nothing changes.</summary>
[Trait("Category", "api")]
public sealed class IsolationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    public static TheoryData<string, string> ModelEndpoints => new()
    {
        { "GET", "" },
        { "POST", "" },
        { "DELETE", "" },
        { "PUT", "/data" },
        { "GET", "/data" },
        { "DELETE", "/data/{file}" },
        { "GET", "/data/{file}/audio" },
        { "POST", "/run" },
        { "POST", "/cancel" },
        { "GET", "/log" },
    };

    private async Task<(HttpClient Owner, HttpClient Stranger, int Id, int FileId)> TwoOrganizationsAsync()
    {
        var owner = await factory.CreateClientForAsync("owner-" + Guid.NewGuid().ToString("N"));
        var stranger = await factory.CreateClientForAsync("stranger-" + Guid.NewGuid().ToString("N"), plan: "enterprise");
        var id = await new CustomModelBuilder(owner).Named("Owner's model").ReadyToRun().CreateAsync();
        var files = await (await owner.GetAsync($"{Models}/{id}/data")).ReadJsonAsync(expectSuccess: true);
        return (owner, stranger, id, (int)files["data"]![0]!["id"]!);
    }

    private static async Task<HttpContent?> BodyFor(string method, string suffix)
    {
        if (suffix == "/data" && method == "PUT")
        {
            var form = new MultipartFormDataContent { { new StringContent("train"), "type" } };
            form.Add(new StreamContent(File.OpenRead(await AudioFiles.ToneAsync("wav"))), "audio_file", "a.wav");
            form.Add(new StreamContent(File.OpenRead(await AudioFiles.TranscriptAsync("hello there"))), "transcript_file", "a.txt");
            return form;
        }
        return method == "POST" ? JsonContent.Create(new { name = "Stolen", base_model = "legal" }) : null;
    }

    [Theory]
    [MemberData(nameof(ModelEndpoints))]
    public async Task AnotherOrganizationsModel_Returns404ModelNotFound_AndIsLeftUnchanged(string method, string suffix)
    {
        var (owner, stranger, id, fileId) = await TwoOrganizationsAsync();
        var before = await owner.GetModelAsync(id);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{Models}/{id}{suffix.Replace("{file}", fileId.ToString(), StringComparison.Ordinal)}")
        {
            Content = await BodyFor(method, suffix),
        };

        var error = await (await stranger.SendAsync(request)).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.Equal(id, (int)error["details"]!["model_id"]!);
        var after = await owner.GetModelAsync(id);
        Assert.Equal((string?)before["name"], (string?)after["name"]);
        Assert.Equal((string?)before["base_model"], (string?)after["base_model"]);
        Assert.Equal(TrainingStatus.ReadyToRun, after.Status());
        Assert.Equal(2, await factory.DataFileCountAsync(id));
        Assert.Equal(4, factory.BlobsOf(id).Count);
        var log = await (await owner.GetAsync($"{Models}/{id}/log")).ReadJsonAsync(expectSuccess: true);
        Assert.Empty(log["lines"]!.AsArray());
    }

    [Fact]
    public async Task ListModels_ShowsOnlyTheCallersOrganization()
    {
        var (owner, stranger, id, _) = await TwoOrganizationsAsync();
        var strangersOwn = (int)(await stranger.CreateModelAsync("Stranger's model"))["id"]!;

        var strangersList = await (await stranger.GetAsync(Models)).ReadJsonAsync(expectSuccess: true);
        var ownersList = await (await owner.GetAsync(Models)).ReadJsonAsync(expectSuccess: true);

        Assert.Equal([strangersOwn], strangersList["data"]!.AsArray().Select(m => (int)m!["id"]!));
        Assert.Equal(1, (int)strangersList["total"]!);
        Assert.Equal([id], ownersList["data"]!.AsArray().Select(m => (int)m!["id"]!));
    }

    [Fact]
    public async Task TwoKeysOfOneOrganization_SeeTheSameModels()
    {
        var organization = "shared-" + Guid.NewGuid().ToString("N");
        var first = await factory.CreateClientForAsync(organization);
        var second = await factory.CreateClientForAsync(organization);
        var id = (int)(await first.CreateModelAsync())["id"]!;

        Assert.Equal(id, (int)(await second.GetModelAsync(id))["id"]!);
    }
}
