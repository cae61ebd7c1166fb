using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

public sealed class LowRateLimitsFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:ModelCreationsPerHour"] = "3",
        ["RateLimits:TrainingStartsPerHour"] = "1",
        ["RateLimits:StatusChecksPerMinute"] = "3",
        ["RateLimits:DataUploadsPerHour"] = "2",
    };
}

/// <summary>RateLimits:* per API key; past a limit, 429 RATE_LIMITED with Retry-After, and the request does nothing.</summary>
[Trait("Category", "api")]
public sealed class RateLimitTests(LowRateLimitsFactory factory) : IClassFixture<LowRateLimitsFactory>
{
    private const string Models = ApiClientExtensions.Models;

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response, int maxSeconds)
    {
        var error = await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, maxSeconds);
        Assert.Equal((int)retryAfter.Value.TotalSeconds, (int)error["details"]!["retry_after_seconds"]!);
    }

    [Fact]
    public async Task CreateModel_Returns429WithRetryAfter_PastModelCreationsPerHour_AndCreatesNothing()
    {
        var client = await factory.CreateClientForAsync("rate-" + Guid.NewGuid().ToString("N"), plan: "enterprise");
        for (var i = 0; i < 3; i++) await client.CreateModelAsync($"Model {i}");

        await AssertRateLimitedAsync(await client.PostAsJsonAsync(Models, new { name = "One too many", language = "en", base_model = "general" }), 3600);

        Assert.Equal(3, (int)(await (await client.GetAsync(Models)).ReadJsonAsync(expectSuccess: true))["total"]!);
    }

    [Fact]
    public async Task RateLimits_CountPerKey_NotPerOrganization()
    {
        var organization = "rate-" + Guid.NewGuid().ToString("N");
        var first = await factory.CreateClientForAsync(organization, plan: "enterprise");
        var second = await factory.CreateClientForAsync(organization, plan: "enterprise");
        for (var i = 0; i < 3; i++) await first.CreateModelAsync($"Model {i}");
        await AssertRateLimitedAsync(await first.PostAsJsonAsync(Models, new { name = "Refused" }), 3600);

        var created = await second.PostAsJsonAsync(Models, new { name = "Other key", language = "en", base_model = "general" });

        await created.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Upload_Returns429_PastDataUploadsPerHour_AndStoresNothing()
    {
        var client = await factory.CreateClientForAsync("rate-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();

        await AssertRateLimitedAsync(await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), await AudioFiles.TranscriptAsync("third")), 3600);

        Assert.Equal(2, await factory.DataFileCountAsync(id));
        Assert.Equal(4, factory.BlobsOf(id).Count);
    }

    [Fact]
    public async Task StartTraining_Returns429_PastTrainingStartsPerHour()
    {
        var client = await factory.CreateClientForAsync("rate-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);

        await AssertRateLimitedAsync(await client.PostAsJsonAsync($"{Models}/{id}/run", new { }), 3600);
    }

    [Fact]
    public async Task StatusChecks_Return429_PastStatusChecksPerMinute_AcrossGetListAndLog()
    {
        var client = await factory.CreateClientForAsync("rate-" + Guid.NewGuid().ToString("N"));
        var id = (int)(await client.CreateModelAsync())["id"]!;
        await (await client.GetAsync($"{Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync(Models)).AssertStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync($"{Models}/{id}/log")).AssertStatusAsync(HttpStatusCode.OK);

        await AssertRateLimitedAsync(await client.GetAsync($"{Models}/{id}"), 60);
    }
}
