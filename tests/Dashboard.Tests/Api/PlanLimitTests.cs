using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>Gold: 5 custom models; Enterprise: unlimited; Growth and Pay-as-you-Go: transcription only.</summary>
[Trait("Category", "api")]
public sealed class PlanLimitTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string name) =>
        client.PostAsJsonAsync(Models, new { name, language = "en", base_model = "general" });

    [Fact]
    public async Task Gold_AllowsFiveModels_AndTheSixthReturns402ModelLimitExceeded()
    {
        var client = await factory.CreateClientForAsync("gold-" + Guid.NewGuid().ToString("N"), plan: "gold");
        for (var i = 1; i <= 5; i++) await (await CreateAsync(client, $"Model {i}")).AssertStatusAsync(HttpStatusCode.Created);

        var error = await (await CreateAsync(client, "Model 6")).AssertErrorAsync(HttpStatusCode.PaymentRequired, "MODEL_LIMIT_EXCEEDED");

        Assert.Equal("gold", (string?)error["details"]!["plan"]);
        Assert.Equal(5, (int)error["details"]!["limit"]!);
        Assert.Equal(5, (int)(await (await client.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Fact]
    public async Task Gold_AllowsANewModel_AfterOneIsDeleted()
    {
        var client = await factory.CreateClientForAsync("gold-" + Guid.NewGuid().ToString("N"), plan: "gold");
        var ids = new List<int>();
        for (var i = 1; i <= 5; i++) ids.Add((int)(await client.CreateModelAsync($"Model {i}"))["id"]!);
        await (await client.DeleteAsync($"{Models}/{ids[0]}")).AssertStatusAsync(HttpStatusCode.OK);

        await (await CreateAsync(client, "Replacement")).AssertStatusAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("growth")]
    [InlineData("payg")]
    public async Task TranscriptionPlans_Return402ModelLimitExceeded_ForTheFirstModel(string plan)
    {
        var client = await factory.CreateClientForAsync(plan + "-" + Guid.NewGuid().ToString("N"), plan: plan);

        var error = await (await CreateAsync(client, "Not included")).AssertErrorAsync(HttpStatusCode.PaymentRequired, "MODEL_LIMIT_EXCEEDED");

        Assert.Equal(plan, (string?)error["details"]!["plan"]);
        Assert.Equal(0, (int)error["details"]!["limit"]!);
    }

    [Fact]
    public async Task Enterprise_IsNotLimitedToFiveModels()
    {
        var organization = "enterprise-" + Guid.NewGuid().ToString("N");
        var first = await factory.CreateClientForAsync(organization, plan: "enterprise");
        var second = await factory.CreateClientForAsync(organization, plan: "enterprise");
        for (var i = 1; i <= 8; i++) await (await CreateAsync(i <= 4 ? first : second, $"Model {i}")).AssertStatusAsync(HttpStatusCode.Created);

        Assert.Equal(8, (int)(await (await first.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Fact]
    public async Task TheLimit_CountsOnlyTheOrganizationsOwnModels()
    {
        var full = await factory.CreateClientForAsync("gold-" + Guid.NewGuid().ToString("N"), plan: "gold");
        for (var i = 1; i <= 5; i++) await full.CreateModelAsync($"Model {i}");
        var other = await factory.CreateClientForAsync("gold-" + Guid.NewGuid().ToString("N"), plan: "gold");

        await (await CreateAsync(other, "First of its own")).AssertStatusAsync(HttpStatusCode.Created);
    }
}
