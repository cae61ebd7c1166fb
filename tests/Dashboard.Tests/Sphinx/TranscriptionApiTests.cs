using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Server.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dashboard.Tests.Sphinx;

/// <summary>/api/v3/stt, /v1/listen and the evaluation endpoint on a server without trained models: errors, auth, usage.</summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class TranscriptionApiTests : IAsyncLifetime
{
    private SphinxApiHost host = null!;
    private HttpClient client = null!;
    private string apiKey = "";
    private int organizationId;
    private readonly string audio = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal)).WavPath;

    public async Task InitializeAsync()
    {
        host = SphinxApiHost.Start();
        (client, apiKey, organizationId) = await host.NewOrganizationAsync("transcribers");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Stt_TranscribesWithABaseModel_AndAnswersTranscriptWordsModelAndDuration()
    {
        var response = await SphinxApiCalls.SttAsync(client, "legal", audio);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("he was not", json.GetProperty("transcript").GetString());
        Assert.Equal("legal", json.GetProperty("model").GetString());
        Assert.Equal(2.99, json.GetProperty("duration").GetDouble(), 0.01);
        var word = json.GetProperty("words")[0];
        Assert.Equal(["word", "start", "end", "confidence"], word.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Stt_WritesATranscriptionLedgerEntry_PerRequest_WithTheMipChoice()
    {
        (await SphinxApiCalls.SttAsync(client, "general", audio, mipOptOut: "true")).EnsureSuccessStatusCode();
        (await SphinxApiCalls.SttAsync(client, "technical", audio)).EnsureSuccessStatusCode();
        using var scope = host.Services.CreateScope();
        var entries = scope.ServiceProvider.GetRequiredService<DashboardDbContext>().Ledger
            .Where(l => l.OrganizationId == organizationId && l.Kind == "transcription").ToList();
        Assert.Contains(entries, e => e.Model == "general" && e.MipOptOut && Math.Abs(e.AudioSeconds - 2.99) < 0.01 && e.Amount > 0 && e.DiscountPercent == 0);
        Assert.Contains(entries, e => e.Model == "technical" && !e.MipOptOut);
    }

    [Fact]
    public async Task Stt_Returns409ModelNotReady_ForACustomModelThatIsNotTrained_And404ForAnotherOrganizations()
    {
        var id = await SphinxApiCalls.CreateModelAsync(client, "untrained");
        await AssertErrorAsync(await SphinxApiCalls.SttAsync(client, $"custom_model_{id}", audio), HttpStatusCode.Conflict, "MODEL_NOT_READY");
        var (stranger, _, _) = await host.NewOrganizationAsync("strangers");
        await AssertErrorAsync(await SphinxApiCalls.SttAsync(stranger, $"custom_model_{id}", audio), HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }

    [Fact]
    public async Task Stt_Returns400_ForAnotherLanguage_AnUnknownModel_OrAFileThatIsNotAudio()
    {
        await AssertErrorAsync(await SphinxApiCalls.SttAsync(client, "general", audio, language: "nl"), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "English");
        await AssertErrorAsync(await SphinxApiCalls.SttAsync(client, "nova-3", audio), HttpStatusCode.BadRequest, "VALIDATION_FAILED", "custom_model_");
        var text = Path.Combine(host.Root, "notes.mp3");
        await File.WriteAllTextAsync(text, "this is not audio at all");
        await AssertErrorAsync(await SphinxApiCalls.SttAsync(client, "general", text), HttpStatusCode.BadRequest, "INVALID_AUDIO", "notes.mp3");
    }

    [Fact]
    public async Task Stt_Returns401_WithoutAKey()
    {
        using var anonymous = host.CreateAnonymousClient();
        var response = await SphinxApiCalls.SttAsync(anonymous, "general", audio);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Listen_TakesARawBodyAndATokenKey_AndAnswersInDeepgramsShape()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/listen?model=nova-3&smart_format=true&mip_opt_out=true")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(audio)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        using var deepgramStyle = host.CreateAnonymousClient();
        var response = await deepgramStyle.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var alternative = json.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0];
        Assert.StartsWith("He was not", alternative.GetProperty("transcript").GetString()); // smart_format: cased and punctuated
        Assert.EndsWith(".", alternative.GetProperty("transcript").GetString());
        Assert.True(alternative.GetProperty("words").GetArrayLength() > 3);
        Assert.Equal(response.Headers.GetValues("dg-request-id").Single(), json.GetProperty("metadata").GetProperty("request_id").GetString());
        var metadata = json.GetProperty("metadata");
        Assert.Equal(64, metadata.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(1, metadata.GetProperty("channels").GetInt32());
        var modelId = metadata.GetProperty("models")[0].GetString()!;
        Assert.Equal("general", metadata.GetProperty("model_info").GetProperty(modelId).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Listen_Returns409_ForAnUntrainedCustomModel_BeforeReadingTheBody_InDeepgramsErrorShape()
    {
        var id = await SphinxApiCalls.CreateModelAsync(client, "not yet");
        var response = await client.PostAsync($"/v1/listen?model=custom_model_{id}", new ByteArrayContent(await File.ReadAllBytesAsync(audio)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["err_code", "err_msg", "request_id"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MODEL_NOT_READY", error.GetProperty("err_code").GetString());
        Assert.Contains($"Custom model {id}", error.GetProperty("err_msg").GetString());
    }

    [Fact]
    public async Task Listen_TakesABodyWithoutContentType_AsAudio_AsTheDotNetSdkSendsIt()
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(audio));
        Assert.Null(content.Headers.ContentType);
        var response = await client.PostAsync("/v1/listen?model=general", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("he was not", json.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0].GetProperty("transcript").GetString());
    }

    [Fact]
    public async Task Listen_AnswersErrorsWithoutAKey_AndForAnotherLanguage_InDeepgramsErrorShape()
    {
        using var anonymous = host.CreateAnonymousClient();
        var unauthorized = await anonymous.PostAsync("/v1/listen", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await unauthorized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("err_code").GetString());

        var dutch = await client.PostAsync("/v1/listen?language=nl", new ByteArrayContent(await File.ReadAllBytesAsync(audio)));
        Assert.Equal(HttpStatusCode.BadRequest, dutch.StatusCode);
        Assert.Contains("English", (await dutch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("err_msg").GetString());
    }

    [Fact]
    public async Task Listen_RefusesAJsonBodyWithoutAUrl_WithAMessageSayingWhatToSend()
    {
        var response = await client.PostAsync("/v1/listen", new StringContent("{\"uri\": \"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("{\"url\"", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("err_msg").GetString());
    }

    [Fact]
    public async Task Evaluation_Returns409BeforeTraining_And404ForAnotherOrganization()
    {
        var id = await SphinxApiCalls.CreateModelAsync(client, "no evaluation yet");
        await AssertErrorAsync(await client.GetAsync($"/api/v3/custom_models/{id}/evaluation"), HttpStatusCode.Conflict, "MODEL_NOT_READY");
        var (stranger, _, _) = await host.NewOrganizationAsync("other-clinic");
        await AssertErrorAsync(await stranger.GetAsync($"/api/v3/custom_models/{id}/evaluation"), HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? messagePart = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, error.GetProperty("error_code").GetString());
        Assert.Equal(["error", "message", "error_code", "details"], error.EnumerateObject().Select(p => p.Name));
        if (messagePart is not null) Assert.Contains(messagePart, error.GetProperty("message").GetString());
    }
}
