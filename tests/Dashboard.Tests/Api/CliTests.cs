using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>
/// `dotnet Dashboard.Server.dll create-api-key --org NAME --plan PLAN`, run as a process on the same data folder
/// and database as the in-process server: it prints only the key, and the server accepts that key.
/// </summary>
[Trait("Category", "api")]
public sealed partial class CliTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private IDictionary<string, string> Environment => ServerProcess.Environment(factory.Folder);

    [GeneratedRegex("^cmk_[0-9a-f]{48}$")]
    private static partial Regex ApiKeyPattern();

    private async Task<string> CreateKeyAsync(string organization, string plan)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(Environment, "create-api-key", "--org", organization, "--plan", plan);
        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var key = Assert.Single(lines).Trim();
        Assert.Matches(ApiKeyPattern(), key);
        return key;
    }

    private HttpClient ClientWith(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    [Fact]
    public async Task CreateApiKey_PrintsOnlyTheKey_AndTheServerOnTheSameDatabaseAcceptsIt()
    {
        var key = await CreateKeyAsync("Acme Cardiology", "gold");

        using var client = ClientWith(key);
        var created = await (await client.PostAsJsonAsync(ApiClientExtensions.Models, new { name = "From the CLI key", language = "en", base_model = "medical" }))
            .AssertStatusAsync(HttpStatusCode.Created);

        Assert.Equal(TrainingStatus.NotRunning, created.Status());
        Assert.Equal(1, (int)(await (await client.GetAsync(ApiClientExtensions.Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Fact]
    public async Task CreateApiKey_RecordsThePlan()
    {
        var key = await CreateKeyAsync("Acme Support", "growth");

        using var client = ClientWith(key);
        var error = await (await client.PostAsJsonAsync(ApiClientExtensions.Models, new { name = "Not on growth" }))
            .AssertErrorAsync(HttpStatusCode.PaymentRequired, "MODEL_LIMIT_EXCEEDED");

        Assert.Equal("growth", (string?)error["details"]!["plan"]);
    }

    [Fact]
    public async Task CreateApiKey_ForAnExistingOrganization_AddsAKeyToTheSameOrganization()
    {
        var first = await CreateKeyAsync("Acme Legal", "enterprise");
        using var firstClient = ClientWith(first);
        var id = (int)(await firstClient.CreateModelAsync("Shared"))["id"]!;

        var second = await CreateKeyAsync("Acme Legal", "enterprise");

        Assert.NotEqual(first, second);
        using var secondClient = ClientWith(second);
        Assert.Equal("Shared", (string?)(await secondClient.GetModelAsync(id))["name"]);
    }

    [Theory]
    [InlineData("create-api-key", "--org", "Acme")]
    [InlineData("create-api-key", "--org", "Acme", "--plan", "platinum")]
    public async Task CreateApiKey_WithAMissingOrUnknownPlan_PrintsUsageToStandardErrorAndExits2(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunCommandAsync(Environment, args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("usage: create-api-key --org NAME --plan gold|enterprise|growth|payg", stderr, StringComparison.Ordinal);
    }
}
