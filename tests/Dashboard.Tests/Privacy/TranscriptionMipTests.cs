using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Sphinx;

namespace Dashboard.Tests.Privacy;

/// <summary>
/// /api/v3/stt and /v1/listen with the real decoder: which requests are kept in the pool (with the recognized
/// transcript), what each costs by plan with the participation discount, and the account-level opt-out.
/// </summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class TranscriptionMipTests : IAsyncLifetime
{
    /// <summary>Prices set here rather than the defaults, to show they are configuration.</summary>
    private static readonly Dictionary<string, decimal> Rates = new() { ["payg"] = 0.006m, ["growth"] = 0.005m, ["gold"] = 0.004m, ["enterprise"] = 0.003m };

    private SphinxApiHost host = null!;
    private readonly LibrivoxRecordings.Recording recording = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal));

    public Task InitializeAsync()
    {
        host = SphinxApiHost.Start(settings: Rates.ToDictionary(r => $"Pricing:TranscriptionPerMinute:{r.Key}", r => r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Stt_KeepsAParticipatingRequest_WithItsAudioAndRecognizedTranscript_AndNeverAnOptedOutOne()
    {
        var (client, _, _) = await host.NewOrganizationAsync("stt-pool", "growth");

        var kept = await SphinxApiCalls.TranscribeAsync(client, "general", recording.WavPath);
        (await SphinxApiCalls.SttAsync(client, "general", recording.WavPath, mipOptOut: "true")).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/v3/stt?mip_opt_out=1", SttForm())).EnsureSuccessStatusCode();

        var item = Assert.Single((await SphinxApiCalls.GetJsonAsync(client, "/api/v3/mip/items")).GetProperty("data").EnumerateArray());
        Assert.Equal("stt", item.GetProperty("kind").GetString());
        Assert.Equal("general", item.GetProperty("model").GetString());
        Assert.Equal(kept.Transcript, item.GetProperty("transcript").GetString());
        Assert.StartsWith("he was not", kept.Transcript);
        var audio = await client.GetByteArrayAsync($"/api/v3/mip/items/{item.GetProperty("id").GetInt32()}/audio");
        Assert.Equal(await File.ReadAllBytesAsync(recording.WavPath), audio);
    }

    [Fact]
    public async Task Listen_KeepsAParticipatingRequest_AndNotOneWithMipOptOutTrue()
    {
        var (_, key, _) = await host.NewOrganizationAsync("listen-pool", "payg");

        var kept = await ListenAsync(key, "");
        (await ListenAsync(key, "&mip_opt_out=true")).EnsureSuccessStatusCode();

        kept.EnsureSuccessStatusCode();
        var transcript = (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").GetProperty("channels")[0]
            .GetProperty("alternatives")[0].GetProperty("transcript").GetString();
        using var client = Authorized(key);
        var item = Assert.Single((await SphinxApiCalls.GetJsonAsync(client, "/api/v3/mip/items")).GetProperty("data").EnumerateArray());
        Assert.Equal("listen", item.GetProperty("kind").GetString());
        Assert.Equal(transcript, item.GetProperty("transcript").GetString());
    }

    [Theory]
    [InlineData("payg", 50)]
    [InlineData("growth", 50)]
    [InlineData("gold", 0)]
    [InlineData("enterprise", 0)]
    public async Task EachRequest_IsBilledPerAudioMinuteByPlan_WithTheDiscountOnlyWhenParticipating(string plan, int discount)
    {
        var (client, _, _) = await host.NewOrganizationAsync($"pricing-{plan}", plan);

        (await SphinxApiCalls.SttAsync(client, "general", recording.WavPath)).EnsureSuccessStatusCode();
        (await SphinxApiCalls.SttAsync(client, "general", recording.WavPath, mipOptOut: "true")).EnsureSuccessStatusCode();

        var usage = (await SphinxApiCalls.GetJsonAsync(client, "/api/v3/usage")).GetProperty("data").EnumerateArray().ToList();
        var optedOut = usage.Single(e => e.GetProperty("mip_opt_out").GetBoolean());
        var participating = usage.Single(e => !e.GetProperty("mip_opt_out").GetBoolean());
        var minutes = (decimal)optedOut.GetProperty("audio_seconds").GetDouble() / 60m;
        var fullPrice = Math.Round(minutes * Rates[plan], 6);
        Assert.Equal("transcription", optedOut.GetProperty("kind").GetString());
        Assert.Equal("general", optedOut.GetProperty("model").GetString());
        Assert.Equal(2.99, optedOut.GetProperty("audio_seconds").GetDouble(), 0.01);
        Assert.Equal(0, optedOut.GetProperty("discount_percent").GetInt32());
        Assert.Equal(fullPrice, optedOut.GetProperty("amount").GetDecimal());
        Assert.Equal(discount, participating.GetProperty("discount_percent").GetInt32());
        Assert.Equal(Math.Round(minutes * Rates[plan] * (100 - discount) / 100m, 6), participating.GetProperty("amount").GetDecimal());
        Assert.True(fullPrice > 0);
    }

    [Fact]
    public async Task TheEnterpriseAccountOptOut_OverridesARequestThatAsksToParticipate()
    {
        var (client, key, _) = await host.NewOrganizationAsync("enterprise-opted-out", "enterprise");
        (await client.PostAsJsonAsync("/api/v3/account", new { mip_opt_out = true })).EnsureSuccessStatusCode();

        (await SphinxApiCalls.SttAsync(client, "general", recording.WavPath, mipOptOut: "false")).EnsureSuccessStatusCode();
        (await ListenAsync(key, "&mip_opt_out=0")).EnsureSuccessStatusCode();

        Assert.Equal(0, (await SphinxApiCalls.GetJsonAsync(client, "/api/v3/mip/items")).GetProperty("total").GetInt32());
        var usage = (await SphinxApiCalls.GetJsonAsync(client, "/api/v3/usage")).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, usage.Count);
        Assert.All(usage, e => Assert.True(e.GetProperty("mip_opt_out").GetBoolean()));
    }

    [Fact]
    public async Task AnInvalidMipOptOut_Gets400ValidationFailed_OnEveryRequestKind_AndIsNotBilled()
    {
        var (client, key, _) = await host.NewOrganizationAsync("invalid-flags", "payg");

        await AssertInvalidAsync(await client.PostAsync("/api/v3/stt?mip_opt_out=maybe", SttForm()));
        await AssertInvalidAsync(await SphinxApiCalls.SttAsync(client, "general", recording.WavPath, mipOptOut: "yes"));
        await AssertInvalidAsync(await ListenAsync(key, "&mip_opt_out=2"));

        Assert.Empty((await SphinxApiCalls.GetJsonAsync(client, "/api/v3/usage")).GetProperty("data").EnumerateArray());
        Assert.Equal(0, (await SphinxApiCalls.GetJsonAsync(client, "/api/v3/mip/items")).GetProperty("total").GetInt32());
    }

    private MultipartFormDataContent SttForm()
    {
        var audio = new ByteArrayContent(File.ReadAllBytes(recording.WavPath));
        audio.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { new StringContent("general"), "model" }, { audio, "audio_file", "call.wav" } };
    }

    private async Task<HttpResponseMessage> ListenAsync(string key, string query)
    {
        using var client = host.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/listen?model=nova-3{query}")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(recording.WavPath)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private HttpClient Authorized(string key)
    {
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response)
    {
        var error = await SphinxApiCalls.ErrorOf(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (error.TryGetProperty("err_code", out var deepgramCode)) // /v1/listen answers in Deepgram's error shape
        {
            Assert.Equal("VALIDATION_FAILED", deepgramCode.GetString());
            Assert.Contains("mip_opt_out", error.GetProperty("err_msg").GetString(), StringComparison.Ordinal);
            return;
        }
        Assert.Equal("VALIDATION_FAILED", error.GetProperty("error_code").GetString());
        Assert.Equal("mip_opt_out", error.GetProperty("details").GetProperty("field").GetString());
    }
}
