using System.Net;
using System.Net.Http.Headers;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>Absurd paging and filters, and hostile headers (Range, Authorization, Content-Type, Accept).</summary>
[Trait("Category", "api")]
public sealed class QueryAndHeaderTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=99999999999")]
    [InlineData("page=1.5")]
    [InlineData("per_page=0")]
    [InlineData("per_page=101")]
    [InlineData("per_page=-20")]
    [InlineData("per_page=1000000000")]
    [InlineData("per_page=%00")]
    [InlineData("training_status=0")]
    [InlineData("training_status=9")]
    [InlineData("training_status=abc")]
    [InlineData("training_status=-2147483648")]
    public async Task AbsurdPaging_Gets400NamingTheParameter(string query)
    {
        var walk = await factory.WalkAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiClientExtensions.Models}?{query}");

        var error = await walk.Owner.AssertRefusedAsync(factory, request, query);

        Assert.Equal("VALIDATION_FAILED", (string?)error["error_code"]);
        Assert.Contains(query.Split('=')[0], error.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2147483647, 100)]
    [InlineData(21474837, 100)]
    [InlineData(1000000, 1)]
    public async Task APageFarBeyondTheLast_IsEmpty_NotAnotherPage(int page, int perPage)
    {
        var walk = await factory.WalkAsync();

        var list = await (await walk.Owner.GetAsync($"{ApiClientExtensions.Models}?page={page}&per_page={perPage}")).ReadJsonAsync(expectSuccess: true);

        Assert.Empty(list["data"]!.AsArray());
        Assert.Equal(page, (int)list["page"]!);
        Assert.True((int)list["total"]! >= 2);
    }

    [Theory]
    [InlineData("bytes=999999999-")]
    [InlineData("bytes=-0")]
    public async Task AnUnsatisfiableRange_Gets416InTheEnvelope(string range)
    {
        var response = await AudioWithRangeAsync(range);

        var error = await response.AssertErrorAsync(HttpStatusCode.RequestedRangeNotSatisfiable, "RANGE_NOT_SATISFIABLE");
        Assert.StartsWith("bytes */", (string?)error["details"]!["content_range"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    [InlineData("items=0-10")]
    [InlineData("bytes=0-1,0-1,0-1,0-1,0-1,0-1,0-1,0-1")]
    public async Task AMalformedRange_IsIgnored_AndTheWholeFileSent(string range)
    {
        var response = await AudioWithRangeAsync(range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("RIFF", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> AudioWithRangeAsync(string range)
    {
        var walk = await factory.WalkAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRouteTable.Get("GET /api/v3/custom_models/{id:int}/data/{fileId:int}/audio").Path(walk.Ids));
        request.Headers.TryAddWithoutValidation("Range", range);
        return await walk.Owner.SendAsync(request);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer \u00e9\u00e9\u00e9")]
    [InlineData("Token a b c")]
    [InlineData("Bearer cmk_' OR '1'='1")]
    [InlineData("Negotiate YII=")]
    public async Task AHostileAuthorizationHeader_Gets401InTheEnvelope(string header)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClientExtensions.Models);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        await client.AssertRefusedAsync(factory, request, $"Authorization: {header}");
    }
}
