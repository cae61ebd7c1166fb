using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Server.Speech;
using Dashboard.Tests.Sphinx;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Tests.DataInputs;

/// <summary>
/// Keyword boost without retraining, on real speech (espeak-ng) and the real decoder: a drug name the base model cannot
/// know is recognized only when the request names it, on /api/v3/stt and on /v1/listen (Deepgram syntax).
/// </summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class KeywordBoostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Sentence = "the patient was started on dabigatran yesterday";
    private SphinxApiHost host = null!;
    private HttpClient client = null!;
    private string apiKey = "";
    private string audio = "";

    public async Task InitializeAsync()
    {
        host = SphinxApiHost.Start();
        (client, apiKey, _) = await host.NewOrganizationAsync("keywords");
        audio = Path.Combine(host.Root, "dabigatran.wav");
        await SpeechSynthesizer.SpeakAsync(Sentence, 0, audio);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> SttAsync(params string[] keywords)
    {
        using var form = new MultipartFormDataContent { { new StringContent("general"), "model" } };
        foreach (var k in keywords) form.Add(new StringContent(k), "keywords");
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(audio)), "audio_file", "dabigatran.wav");
        var response = await client.PostAsync("/api/v3/stt", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var transcript = JsonDocument.Parse(body).RootElement.GetProperty("transcript").GetString()!;
        output.WriteLine($"stt keywords=[{string.Join(", ", keywords)}]: {transcript}");
        return transcript;
    }

    private async Task<HttpResponseMessage> ListenAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/listen?model=general&{query}") { Content = new ByteArrayContent(await File.ReadAllBytesAsync(audio)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        using var deepgramStyle = host.CreateAnonymousClient();
        return await deepgramStyle.SendAsync(request);
    }

    [Fact]
    public async Task AKeyword_MakesADomainWordTheBaseModelMisses_Recognized_ForThatRequestOnly()
    {
        Assert.DoesNotContain("dabigatran", await SttAsync());

        var boosted = await SttAsync("dabigatran:2");

        Assert.Contains("dabigatran", boosted.Split(' '));
        Assert.Contains("yesterday", boosted.Split(' '));
        Assert.DoesNotContain("dabigatran", await SttAsync()); // the next request without the keyword is as before
    }

    [Fact]
    public async Task Listen_TakesDeepgramsKeytermAndKeywords_AndCachesOneDecoderPerTermSet()
    {
        var pool = host.Services.GetRequiredService<DecoderPool>();
        var plain = await ListenAsync("");
        Assert.DoesNotContain("dabigatran", Transcript(await plain.Content.ReadFromJsonAsync<JsonElement>()));

        for (var i = 0; i < 2; i++)
        {
            var response = await ListenAsync("keyterm=dabigatran&keywords=warfarin:1.5");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var transcript = Transcript(await response.Content.ReadFromJsonAsync<JsonElement>());
            output.WriteLine($"listen keyterm: {transcript}");
            Assert.Contains("dabigatran", transcript.Split(' '));
        }

        Assert.Equal(2, pool.IdleCount); // the plain decoder and one for the term set, reused by the second request
    }

    [Theory]
    [InlineData("keywords=dabigatran:-5", "negative")]
    [InlineData("keywords=dabigatran:0", "above 0")]
    [InlineData("keyterm=%3F%21", "no words")]
    public async Task Listen_Returns400ValidationFailed_ForAKeywordItCannotUse(string query, string messagePart)
    {
        var response = await ListenAsync(query);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("VALIDATION_FAILED", error.GetProperty("err_code").GetString()); // /v1 answers in Deepgram's error shape
        Assert.Contains(messagePart, error.GetProperty("err_msg").GetString(), StringComparison.Ordinal);
    }

    private static string Transcript(JsonElement deepgram) =>
        deepgram.GetProperty("results").GetProperty("channels")[0].GetProperty("alternatives")[0].GetProperty("transcript").GetString()!;
}
