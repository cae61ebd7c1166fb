using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Privacy;
using Dashboard.Tests.Sphinx;
using Xunit;

namespace Dashboard.Tests.Streaming;

/// <summary>A stream is billed per audio second with the plan's rate and discount, kept in the pool unless opted out, and audited.</summary>
[Trait("Category", "sphinx")]
[Collection(SphinxCollection.Name)]
public sealed class StreamsInTheProductTests(TrainedCardiologyModel trained)
{
    private static readonly object Options = new { model = "general", encoding = "linear16", sample_rate = 16000 };

    [Fact]
    public async Task AParticipatingStream_IsBilledPerAudioSecondWithTheGrowthDiscount_KeptInThePoolWithItsFinalTranscript_AndAudited()
    {
        var (client, key, _) = await trained.Host.NewOrganizationAsync("stream-billing-" + Guid.NewGuid().ToString("N")[..6], plan: "growth");
        var run = await DeepgramLive.StreamAsync(trained.Host.BaseAddress!, key, Options, [LiveStreamingContractTests.Librivox("0880")], pace: 4);
        Assert.True(run.Opened, run.Error);
        var seconds = (double)run.Of("Metadata").Single().Body["duration"]!;

        var entry = await StreamAuditEntryAsync(client); // written last, once the stream is billed and pooled
        var charge = (await UsageAsync(client)).Single(e => (string)e!["kind"]! == "stream");
        Assert.Equal("general", (string)charge!["model"]!);
        Assert.Equal(seconds, (double)charge["audio_seconds"]!, 1);
        Assert.Equal(50, (int)charge["discount_percent"]!);
        Assert.False((bool)charge["mip_opt_out"]!);
        Assert.True((decimal)charge["amount"]! > 0);

        var item = Assert.Single(await client.PoolAsync(), i => (string)i!["kind"]! == "stream");
        Assert.Equal(run.FinalText, (string)item!["transcript"]!);
        var audio = await client.GetAsync($"{PoolCalls.Items}/{(int)item["id"]!}/audio");
        Assert.True(audio.IsSuccessStatusCode);
        Assert.InRange((await audio.Content.ReadAsByteArrayAsync()).Length, (int)(seconds * 32000), (int)(seconds * 32000) + 100); // 16 kHz 16-bit WAV

        Assert.Equal("general", (string)entry["resource"]!);
        Assert.Contains($"kept as pool item {(int)item["id"]!}", (string)entry["detail"]!);
    }

    [Fact]
    public async Task AStreamWithMipOptOut_IsBilledWithoutTheDiscount_AndNothingOfItIsKept_ButItIsAudited()
    {
        var (client, key, _) = await trained.Host.NewOrganizationAsync("stream-optout-" + Guid.NewGuid().ToString("N")[..6], plan: "growth");
        var run = await DeepgramLive.StreamAsync(trained.Host.BaseAddress!, key, new { model = "general", encoding = "linear16", sample_rate = 16000, mip_opt_out = true },
            [LiveStreamingContractTests.Librivox("0880")], pace: 4);
        Assert.True(run.Opened, run.Error);

        var entry = await StreamAuditEntryAsync(client);
        var charge = (await UsageAsync(client)).Single(e => (string)e!["kind"]! == "stream");
        Assert.Equal(0, (int)charge!["discount_percent"]!);
        Assert.True((bool)charge["mip_opt_out"]!);
        Assert.Empty(await client.PoolAsync());
        Assert.Contains("not kept (mip_opt_out)", (string)entry["detail"]!);
    }

    /// <summary>The stream's audit entry: the server records a stream after its socket has closed.</summary>
    private static async Task<JsonNode> StreamAuditEntryAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var entry = (await client.AuditAsync()).SingleOrDefault(e => (string)e!["action"]! == "transcription.stream");
            if (entry is not null) return entry;
            await Task.Delay(100);
        }
        throw new TimeoutException("The stream was not audited within 10 s.");
    }

    private static async Task<JsonArray> UsageAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v3/usage")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
}
