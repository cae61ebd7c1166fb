using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Privacy;

/// <summary>Data uploads and the retained pool: what is kept, by whom it is seen, played, deleted and reused.</summary>
[Trait("Category", "api")]
public sealed class RetainedPoolApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<(HttpClient Client, int ModelId)> OrganizationWithModelAsync(string name, string plan = "gold")
    {
        var client = await factory.CreateClientForAsync(name, plan);
        var model = await client.CreateModelAsync();
        return (client, (int)model["id"]!);
    }

    [Fact]
    public async Task AnUpload_IsKeptInThePool_UnlessItSaysMipOptOut()
    {
        var (client, modelId) = await OrganizationWithModelAsync("pool-uploads");

        await (await client.UploadPairAsync(modelId, "kept by default")).ReadJsonAsync(expectSuccess: true);
        await (await client.UploadPairAsync(modelId, "opted out with true", "?mip_opt_out=true")).ReadJsonAsync(expectSuccess: true);
        await (await client.UploadPairAsync(modelId, "opted out with one", "?mip_opt_out=1")).ReadJsonAsync(expectSuccess: true);
        await (await client.UploadPairAsync(modelId, "kept with zero", "?mip_opt_out=0")).ReadJsonAsync(expectSuccess: true);

        var pool = await client.PoolAsync();
        Assert.Equal(["kept with zero", "kept by default"], pool.Select(i => (string)i!["transcript"]!));
        Assert.All(pool, i => Assert.Equal("upload", (string)i!["kind"]!));
        Assert.All(pool, i => Assert.True((bool)i!["has_audio"]!));
        Assert.Equal(4, await factory.DataFileCountAsync(modelId)); // the model keeps its own data either way
        var audit = await client.AuditAsync();
        Assert.Equal(4, audit.Count(e => (string)e!["action"]! == "data.add"));
        Assert.Equal(2, audit.Count(e => ((string?)e!["detail"])?.StartsWith("mip_opt_out=true", StringComparison.Ordinal) == true));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes")]
    [InlineData("2")]
    public async Task AnUploadWithAnInvalidMipOptOut_Gets400_AndNothingIsStored(string value)
    {
        var (client, modelId) = await OrganizationWithModelAsync($"pool-invalid-{value}");

        var error = await (await client.UploadPairAsync(modelId, "never stored", $"?mip_opt_out={value}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("mip_opt_out", (string)error["details"]!["field"]!);
        Assert.Equal(0, await factory.DataFileCountAsync(modelId));
        Assert.Empty(await client.PoolAsync());
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task TheAccountLevelOptOut_KeepsNothing_WhateverTheRequestSays()
    {
        var (client, modelId) = await OrganizationWithModelAsync("pool-enterprise", "enterprise");
        await (await client.PostAsJsonAsync("/api/v3/account", new { mip_opt_out = true })).ReadJsonAsync(expectSuccess: true);

        await (await client.UploadPairAsync(modelId, "asked to participate", "?mip_opt_out=false")).ReadJsonAsync(expectSuccess: true);
        await (await client.UploadPairAsync(modelId, "said nothing")).ReadJsonAsync(expectSuccess: true);

        Assert.Empty(await client.PoolAsync());
        Assert.Equal(2, await factory.DataFileCountAsync(modelId));
        var folder = await PoolFolderAsync("pool-enterprise");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
        Assert.Contains(await client.AuditAsync(), e => ((string?)e!["detail"])?.Contains("(account setting)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ThePool_IsScopedToTheOrganization_AnotherGets404AndCannotDelete()
    {
        var (owner, modelId) = await OrganizationWithModelAsync("pool-owner");
        await (await owner.UploadPairAsync(modelId, "private dictation")).ReadJsonAsync(expectSuccess: true);
        var id = (int)(await owner.PoolAsync()).Single()!["id"]!;
        var (stranger, strangerModel) = await OrganizationWithModelAsync("pool-stranger");

        Assert.Empty(await stranger.PoolAsync());
        await (await stranger.GetAsync($"{PoolCalls.Items}/{id}/audio")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.DeleteAsync($"{PoolCalls.Items}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.AddToModelAsync(id, new { model_id = strangerModel })).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Single(await owner.PoolAsync());
        Assert.Equal(0, await factory.DataFileCountAsync(strangerModel));
    }

    [Fact]
    public async Task AnItemsAudio_PlaysWithRangeRequests_AndDeletingTheItemRemovesItsFiles()
    {
        var (client, modelId) = await OrganizationWithModelAsync("pool-play");
        await (await client.UploadPairAsync(modelId, "play me")).ReadJsonAsync(expectSuccess: true);
        var item = (await client.PoolAsync()).Single()!;
        var id = (int)item["id"]!;
        var original = await File.ReadAllBytesAsync(await AudioFiles.SpeechAsync("the patient has atrial fibrillation"));
        Assert.Equal(original.Length, (long)item["audio_bytes"]!);

        var whole = await client.GetAsync($"{PoolCalls.Items}/{id}/audio");
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(original, await whole.Content.ReadAsByteArrayAsync());
        using var range = new HttpRequestMessage(HttpMethod.Get, $"{PoolCalls.Items}/{id}/audio");
        range.Headers.Range = new RangeHeaderValue(10, 19);
        var part = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(original[10..20], await part.Content.ReadAsByteArrayAsync());
        var folder = await PoolFolderAsync("pool-play");
        Assert.Equal(2, Directory.GetFiles(folder).Length);

        var deleted = await (await client.DeleteAsync($"{PoolCalls.Items}/{id}")).ReadJsonAsync(expectSuccess: true);

        Assert.True((bool)deleted["deleted"]!);
        Assert.Empty(await client.PoolAsync());
        Assert.Empty(Directory.GetFiles(folder));
        await (await client.GetAsync($"{PoolCalls.Items}/{id}/audio")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var actions = (await client.AuditAsync()).Select(e => $"{e!["action"]} {e["resource"]}").ToList();
        Assert.Contains($"pool.download mip/items/{id}", actions);
        Assert.Contains($"pool.delete mip/items/{id}", actions);
    }

    [Fact]
    public async Task AddingAnItemToAModel_WithAnEditedTranscript_MakesATrainingPairOfThatModel()
    {
        var (client, source) = await OrganizationWithModelAsync("pool-reuse");
        await (await client.UploadPairAsync(source, "the patient has a trial fibrillation")).ReadJsonAsync(expectSuccess: true);
        var id = (int)(await client.PoolAsync()).Single()!["id"]!;
        var target = (int)(await client.CreateModelAsync("Cardiology v2"))["id"]!;

        var added = await (await client.AddToModelAsync(id, new { model_id = target, type = "test", transcript = "the patient has atrial fibrillation today" }))
            .ReadJsonAsync(expectSuccess: true);

        Assert.Equal("test", (string)added["file"]!["type"]!);
        Assert.Equal(6, (int)added["file"]!["transcript_words"]!);
        Assert.Equal(target, (int)added["model"]!["id"]!);
        Assert.Equal(1, await factory.DataFileCountAsync(target));
        Assert.Single(await client.PoolAsync()); // the item stays in the pool; the copy belongs to the model
        Assert.Contains(await client.AuditAsync(), e => (string)e!["action"]! == "pool.add_to_model" && ((string)e["detail"]!).Contains($"custom_model_{target}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddingAnItemToAModel_RefusesAnEmptyTranscript_AndAMissingModel()
    {
        var (client, modelId) = await OrganizationWithModelAsync("pool-reuse-errors");
        await (await client.UploadPairAsync(modelId, "some words")).ReadJsonAsync(expectSuccess: true);
        var id = (int)(await client.PoolAsync()).Single()!["id"]!;

        await (await client.AddToModelAsync(id, new { model_id = modelId, transcript = "   " })).AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_TRANSCRIPT");
        await (await client.AddToModelAsync(id, new { transcript = "words" })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await client.AddToModelAsync(id, new { model_id = 999999 })).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.Equal(1, await factory.DataFileCountAsync(modelId));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task ThePoolList_IsPagedLikeTheModelsList()
    {
        var (client, modelId) = await OrganizationWithModelAsync("pool-pages");
        foreach (var n in new[] { "one", "two", "three" })
            await (await client.UploadPairAsync(modelId, $"dictation {n}")).ReadJsonAsync(expectSuccess: true);

        var page = await (await client.GetAsync($"{PoolCalls.Items}?page=2&per_page=2")).ReadJsonAsync(expectSuccess: true);

        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(2, (int)page["page"]!);
        Assert.Equal("dictation one", (string)page["data"]!.AsArray().Single()!["transcript"]!);
        await (await client.GetAsync($"{PoolCalls.Items}?per_page=101")).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    /// <summary>Where the organization's pool keeps its blobs.</summary>
    private async Task<string> PoolFolderAsync(string organization)
    {
        var id = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name == organization).Select(o => o.Id).FirstAsync());
        return Path.Combine(factory.BlobRoot(), "pool", id.ToString());
    }
}
