using Dashboard.Server.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// The route table covers every API route the server maps; bad ids and another organization's key get 404 in the
/// envelope on every route, and change nothing.
/// </summary>
[Trait("Category", "api")]
public sealed class RouteWalkTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    /// <summary>"METHOD /pattern" of every endpoint under /api and /v1, as the server maps them.</summary>
    private List<string> MappedApiRoutes()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && SecurityExtensions.IsApiPath("/" + raw.TrimStart('/')) && !raw.TrimStart('/').StartsWith("hubs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void EveryApiRoute_HasACaseInTheTable()
    {
        var missing = MappedApiRoutes().Except(ApiRouteTable.Cases.Select(c => c.Key)).ToList();

        Assert.True(missing.Count == 0, "Add a line to Hardening/ApiRouteTable.cs for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryCaseInTheTable_IsARouteTheServerMaps()
    {
        var stale = ApiRouteTable.Cases.Select(c => c.Key).Except(MappedApiRoutes()).ToList();

        Assert.True(stale.Count == 0, "No such route (renamed?): " + string.Join(", ", stale));
    }

    public static TheoryData<string> RoutesWithIds => ApiRouteTable.Keys(c => c.HasIds);

    public static TheoryData<string> ModelRoutes => ApiRouteTable.Keys(c => c.ModelScoped);

    [Theory]
    [MemberData(nameof(RoutesWithIds))]
    public async Task IdsThatAreNotModelIds_Get404InTheEnvelope_AndChangeNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        string[] badIds = ["abc", "1.5", "1e3", "0x10", "2147483648", "-1", "0", "%20", "1;2", "1,2", "99999999999999999999999"];
        var id = route.Path(walk.Ids).Split('/')[4];
        foreach (var (bad, path) in badIds.Select(b => (b, Fill(route.Pattern, b, walk.Ids.File.ToString())))
                     .Concat(route.Pattern.Contains("{fileId", StringComparison.Ordinal) ? badIds.Select(b => (b, Fill(route.Pattern, id, b))) : []))
        {
            using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid);
            request.RequestUri = new Uri(path, UriKind.Relative);

            var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{path} ({key})");

            Assert.True((string?)error["error_code"] is "NOT_FOUND" or "MODEL_NOT_FOUND", error.ToJsonString());
        }
    }

    private static string Fill(string pattern, string id, string fileId) =>
        pattern.Replace("{id:int}", id, StringComparison.Ordinal).Replace("{fileId:int}", fileId, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(RoutesWithIds))]
    public async Task AFileIdOfAnotherModel_Gets404_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        if (!route.Pattern.Contains("{fileId", StringComparison.Ordinal)) return;
        var walk = await factory.WalkAsync();
        using var request = ApiRouteTable.Request(route, walk.Ids with { ReadyModel = walk.Ids.TrainedModel }, walk.Valid);

        await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a file of another model");
    }

    [Theory]
    [MemberData(nameof(ModelRoutes))]
    public async Task AnotherOrganizationsKey_Gets404ModelNotFound_OnEveryModelRoute_AndChangesNothing(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid);

        var error = await walk.Stranger.AssertRefusedAsync(factory, request, $"{key} by another organization");

        Assert.Equal("MODEL_NOT_FOUND", (string?)error["error_code"]);
    }

    [Theory]
    [InlineData("/api/v3/custom_models")]
    [InlineData("/api/v3/usage")]
    [InlineData("/api/v3/account")]
    public async Task ListsOfAnotherOrganization_NeverShowTheOwnersModelsOrName(string path)
    {
        var walk = await factory.WalkAsync();
        var owners = await (await walk.Owner.GetAsync("/api/v3/custom_models")).Content.ReadAsStringAsync();

        var body = await (await walk.Stranger.GetAsync(path)).Content.ReadAsStringAsync();

        Assert.Contains("Owner trained", owners, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner trained", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner ready", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"owner\"", body, StringComparison.Ordinal);
    }
}
