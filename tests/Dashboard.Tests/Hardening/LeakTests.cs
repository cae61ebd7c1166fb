using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// What the server must not tell or keep: its own paths and internal addresses in errors, API keys read from query
/// strings outside the hub, API answers in caches, an antiforgery cookie sent over plain HTTP once the site is on HTTPS;
/// and audio whose header says it holds next to nothing must not pass as a recording.
/// </summary>
[Trait("Category", "api")]
public sealed class LeakTests(LeakTests.ProxiedFactory factory) : IClassFixture<LeakTests.ProxiedFactory>
{
    /// <summary>The hardening server as an operator behind a TLS-terminating proxy runs it (forwarded headers on).</summary>
    public sealed class ProxiedFactory : HardeningFactory
    {
        protected override IReadOnlyDictionary<string, string?> Overrides =>
            new Dictionary<string, string?>(base.Overrides) { ["ForwardedHeaders_Enabled"] = "true" };
    }

    public static TheoryData<string> AudioRoutes => ApiRouteTable.Keys(c => c.TakesAudio);

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task AudioErrors_NameNoServerPath(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        var garbage = new byte[20_000];
        new Random(11).NextBytes(garbage);
        using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = garbage, AudioName = "noise.ogg", AudioType = "audio/ogg" });

        var error = (await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with noise")).ToJsonString();

        foreach (var path in new[] { factory.Folder, factory.StorageRoot, "staging", "/tmp/" })
            Assert.DoesNotContain(path, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AudioRoutes))]
    public async Task AWavWhoseHeaderClaimsTenBytesOfSound_IsRefusedAsInvalidAudio_NamingTheFile(string key)
    {
        var route = ApiRouteTable.Get(key);
        var walk = await factory.WalkAsync();
        var wav = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("wav", seconds: 1));
        var data = wav.AsSpan().IndexOf("data"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(data + 4, 4), 10);
        using var request = ApiRouteTable.Request(route, walk.Ids, walk.Valid with { Audio = wav, AudioName = "ten-bytes.wav" });

        var error = await walk.Owner.AssertRefusedAsync(factory, request, $"{key} with a WAV claiming 10 bytes of data");

        Assert.Equal("INVALID_AUDIO", (string?)error["error_code"]);
        if (route.Body == BodyKind.Multipart) Assert.Contains("ten-bytes.wav", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlNotAllowed_SaysTheHostIsNotAllowed_WithoutItsInternalAddresses()
    {
        var walk = await factory.WalkAsync();

        var webhook = await (await walk.Owner.PostAsJsonAsync("/api/v3/webhooks", new { url = "http://localhost:9/hook" })).ReadJsonAsync();
        var listen = await (await walk.Owner.PostAsJsonAsync($"/v1/listen?model=custom_model_{walk.Ids.TrainedModel}", new { url = "http://localhost:9/a.wav" })).ReadJsonAsync();

        Assert.Equal("URL_NOT_ALLOWED", (string?)webhook["error_code"]);
        Assert.Equal("URL_NOT_ALLOWED", (string?)listen["err_code"]);
        foreach (var body in new[] { webhook.ToJsonString(), listen.ToJsonString() })
        {
            Assert.Contains("not allowed", body, StringComparison.Ordinal);
            foreach (var address in new[] { "127.0.0.1", "::1" }) Assert.DoesNotContain(address, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnAccessTokenInTheQuery_OpensTheHub_ButNoRestRoute()
    {
        var key = await factory.CreateApiKeyAsync("query-token");
        using var anonymous = factory.CreateClient();

        var rest = await anonymous.GetAsync($"/api/v3/custom_models?access_token={key}");
        var listen = await anonymous.PostAsync($"/v1/listen?access_token={key}", new ByteArrayContent((await Upload.ValidAsync()).Audio));
        var hub = await anonymous.PostAsync($"/hubs/training/negotiate?negotiateVersion=1&access_token={key}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, listen.StatusCode);
        Assert.Contains("Authorization", await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
    }

    [Theory]
    [InlineData("/api/v3/custom_models", true)]
    [InlineData("/api/v3/custom_models/999999", true)]
    [InlineData("/api/v3/usage", true)]
    [InlineData("/api/v3/custom_models", false)]
    [InlineData("/v1/listen", true)]
    public async Task ApiAnswers_AndErrors_AreNeverStoredByCaches(string path, bool withKey)
    {
        using var client = withKey ? await factory.CreateClientForAsync("no-store") : factory.CreateClient();

        var response = path.StartsWith("/v1/", StringComparison.Ordinal) ? await client.PostAsync(path, new ByteArrayContent([1, 2, 3])) : await client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Theory]
    [InlineData("https://localhost", null, true)]
    [InlineData("http://localhost", "https", true)]
    [InlineData("http://localhost", null, false)]
    public async Task TheAntiforgeryCookie_IsSecureWheneverTheSiteIsReachedOverHttps(string baseAddress, string? forwardedProto, bool secure)
    {
        using var browser = CookieSession.Browser(factory, baseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);

        var response = await browser.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.Ordinal));
    }
}
