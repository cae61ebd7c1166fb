using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Headers;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api;

/// <summary>"Authorization: Bearer KEY" (and "Token KEY"); anything else is 401 in the envelope on every endpoint.</summary>
[Trait("Category", "api")]
public sealed class AuthenticationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", Models },
        { "GET", Models },
        { "GET", $"{Models}/1" },
        { "POST", $"{Models}/1" },
        { "DELETE", $"{Models}/1" },
        { "PUT", $"{Models}/1/data" },
        { "GET", $"{Models}/1/data" },
        { "DELETE", $"{Models}/1/data/1" },
        { "POST", $"{Models}/1/run" },
        { "POST", $"{Models}/1/cancel" },
        { "GET", $"{Models}/1/log" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method switch
        {
            "GET" or "DELETE" => null,
            "PUT" => new MultipartFormDataContent { { new StringContent("train"), "type" } },
            _ => new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_Returns401Unauthorized_WithoutAKey(string method, string path)
    {
        using var client = factory.CreateClient();

        var error = await (await client.SendAsync(Request(method, path))).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        Assert.Contains("Bearer", (string?)error["message"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryEndpoint_Returns401Unauthorized_ForAnUnknownKey(string method, string path)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cmk_000000000000000000000000000000000000000000000000");

        await (await client.SendAsync(Request(method, path))).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Token")]
    [InlineData("bearer")]
    public async Task AValidKey_IsAccepted_AsBearerOrToken(string scheme)
    {
        using var client = await factory.CreateClientForAsync("auth-" + Guid.NewGuid().ToString("N"), scheme: scheme);

        var created = await client.CreateModelAsync();

        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync((int)created["id"]!)).Status());
    }

    [Fact]
    public async Task AKeyWithTheWrongScheme_Returns401()
    {
        using var client = factory.CreateClient();
        var key = await factory.CreateApiKeyAsync("auth-" + Guid.NewGuid().ToString("N"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", key);

        await (await client.GetAsync(Models)).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task ARevokedKey_Returns401()
    {
        var organization = "auth-" + Guid.NewGuid().ToString("N");
        using var client = await factory.CreateClientForAsync(organization);
        await (await client.GetAsync(Models)).AssertStatusAsync(HttpStatusCode.OK);
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var org = await services.GetRequiredService<OrganizationService>().FindByNameAsync(organization, CancellationToken.None);
            var keys = services.GetRequiredService<ApiKeyService>();
            foreach (var key in await keys.ListAsync(org!.Id, CancellationToken.None))
                Assert.True(await keys.RevokeAsync(org.Id, key.Id, CancellationToken.None));
        }

        await (await client.GetAsync(Models)).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task TheHealthEndpoint_AnswersWithoutAKey()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
