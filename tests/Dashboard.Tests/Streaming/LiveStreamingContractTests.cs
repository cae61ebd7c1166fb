using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Sphinx;
using Xunit;

namespace Dashboard.Tests.Streaming;

/// <summary>
/// /v1/listen as a WebSocket, driven by the official Deepgram SDK's live client (node) with real LibriVox speech paced
/// as it was spoken: results while speaking and at the end of speech, the client messages, the idle close, and refusals.
/// </summary>
[Trait("Category", "sphinx")]
[Collection(SphinxCollection.Name)]
public sealed class LiveStreamingContractTests(TrainedCardiologyModel trained) : IAsyncLifetime
{
    private static readonly object LiveOptions = new
    {
        model = "nova-3", encoding = "linear16", sample_rate = 16000, interim_results = true,
        endpointing = 300, utterance_end_ms = 1000, vad_events = true,
    };

    private readonly string[] twoSentences = [Librivox("0880"), Librivox("0930")];
    private Uri server = null!;
    private string apiKey = "";

    public async Task InitializeAsync()
    {
        server = trained.Host.BaseAddress!;
        (_, apiKey, _) = await trained.Host.NewOrganizationAsync("live-" + Guid.NewGuid().ToString("N")[..6]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static string Librivox(string id) => LibrivoxRecordings.All().Single(r => r.Id.EndsWith(id, StringComparison.Ordinal)).WavPath;

    [Fact]
    public async Task SdkLiveClient_GetsInterimsWhileSpeaking_FinalsWithSpeechFinal_UtteranceEnd_AndMetadataOnCloseStream_ThenCode1000()
    {
        var run = await DeepgramLive.StreamAsync(server, apiKey, LiveOptions, twoSentences);

        Assert.True(run.Opened, run.Error);
        var finals = run.Finals;
        Assert.Equal(2, finals.Count(f => f.SpeechFinal)); // one per sentence, at the silence after it
        var firstFinal = run.Messages.ToList().IndexOf(finals[0]);
        Assert.True(run.Messages.Take(firstFinal).Count(m => m.Type == "Results" && !m.IsFinal) >= 2, "interim results while the first sentence is spoken");
        Assert.StartsWith("he was not", finals[0].Transcript);
        Assert.True(finals[1].Start >= finals[0].End - 0.001, "final windows follow one another");
        Assert.True((double)finals[1].Words[0]!["start"]! > 3, "words are timed against the stream, not the utterance");
        Assert.Equal(2, run.Of("SpeechStarted").Count());
        var utteranceEnd = run.Of("UtteranceEnd").First();
        Assert.Equal((double)finals[0].Words[^1]!["end"]!, (double)utteranceEnd.Body["last_word_end"]!, 2);
        var metadata = Assert.Single(run.Of("Metadata"));
        Assert.Same(metadata, run.Messages[^1]);
        Assert.Equal(9.28, (double)metadata.Body["duration"]!, 1);
        Assert.Equal(1, (int)metadata.Body["channels"]!);
        Assert.Equal((string)finals[0].Body["metadata"]!["request_id"]!, (string)metadata.Body["request_id"]!);
        var modelId = (string)metadata.Body["models"]![0]!;
        Assert.Equal("general", (string)metadata.Body["model_info"]![modelId]!["name"]!);
        Assert.Equal(1000, run.CloseCode);
    }

    [Fact]
    public async Task Finalize_MakesTheUtteranceSoFarFinalAtOnce_WithFromFinalize()
    {
        var run = await DeepgramLive.StreamAsync(server, apiKey, new { model = "general", encoding = "linear16", sample_rate = 16000, endpointing = false },
            [Librivox("0880")], end: "finalize", pace: 2, gapMs: 0);

        Assert.True(run.Opened, run.Error);
        var flushed = Assert.Single(run.Finals, f => (bool)f.Body["from_finalize"]!);
        Assert.StartsWith("he was not", flushed.Transcript);
        Assert.DoesNotContain(run.Finals, f => f.SpeechFinal); // endpointing=false: no end of speech is called
        Assert.Single(run.Of("Metadata"));
    }

    [Fact]
    public async Task AStreamThatSendsNothing_IsClosedAfterTenSeconds_WithDeepgramsCode1011AndNet0001()
    {
        var clock = Stopwatch.StartNew();
        var run = await DeepgramLive.StreamAsync(server, apiKey, LiveOptions, [], end: "idle");

        Assert.True(run.Opened, run.Error);
        Assert.Equal(1011, run.CloseCode);
        Assert.StartsWith("NET-0001", run.CloseReason);
        Assert.InRange(clock.Elapsed.TotalSeconds, 9.5, 25);
    }

    [Fact]
    public async Task KeepAlive_KeepsASilentStreamOpenPastTenSeconds()
    {
        var run = await DeepgramLive.StreamAsync(server, apiKey, LiveOptions, [Librivox("0880")], end: "keepalive", pace: 2,
            more: new Dictionary<string, string> { ["DG_KEEPALIVE_MS"] = "12000" });

        Assert.True(run.Opened, run.Error);
        Assert.Single(run.Of("Metadata"));
        Assert.Equal(1000, run.CloseCode);
    }

    [Fact]
    public async Task SdkLiveClient_WithABadKey_NeverOpens()
    {
        var run = await DeepgramLive.StreamAsync(server, "cmk_not_a_key", LiveOptions, [Librivox("0880")]);

        Assert.False(run.Opened);
        Assert.Empty(run.Messages);
    }

    [Theory]
    [InlineData("Token cmk_not_a_key", "model=general", HttpStatusCode.Unauthorized, "UNAUTHORIZED")]
    [InlineData(null, "model=general", HttpStatusCode.Unauthorized, "UNAUTHORIZED")]
    [InlineData("KEY", "model=general&endpointing=soon", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("KEY", "model=general&encoding=flac", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("KEY", "model=general&sample_rate=99", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("KEY", "model=custom_model_999999", HttpStatusCode.NotFound, "MODEL_NOT_FOUND")]
    public async Task TheUpgradeIsRefusedBeforeItHappens_InDeepgramsErrorShape(string? authorization, string query, HttpStatusCode status, string code)
    {
        authorization = authorization == "KEY" ? $"Token {apiKey}" : authorization;
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (authorization is not null) socket.Options.SetRequestHeader("Authorization", authorization);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://{server.Authority}/v1/listen?{query}"), CancellationToken.None));
        Assert.Equal(status, socket.HttpStatusCode);

        using var http = new HttpClient { BaseAddress = server }; // the same refusal, readable: Deepgram's error shape
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/listen?{query}");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await http.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, error.GetProperty("err_code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("request_id").GetString()));
    }

    [Fact]
    public async Task TheBrowserForm_SubprotocolsTokenAndKey_Opens_AndTheServerAnswersToken()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("token");
        socket.Options.AddSubProtocol(apiKey);
        await socket.ConnectAsync(new Uri($"ws://{server.Authority}/v1/listen?model=general&encoding=linear16&sample_rate=16000"), CancellationToken.None);
        Assert.Equal("token", socket.SubProtocol);
        await socket.SendAsync("{\"type\":\"CloseStream\"}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var metadata = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Contains("\"type\":\"Metadata\"", System.Text.Encoding.UTF8.GetString(buffer, 0, metadata.Count));
        var close = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task WebmOpusWithoutEncoding_AsABrowsersMediaRecorderSendsIt_IsDecodedThroughFfmpeg()
    {
        var webm = Path.Combine(trained.Host.Root, $"speech-{Guid.NewGuid():N}.webm");
        await AudioFiles.Run("ffmpeg", ["-v", "error", "-y", "-i", Librivox("0880"), "-af", "apad=pad_dur=1.5", "-c:a", "libopus", "-b:a", "32k", webm]);

        var run = await DeepgramLive.StreamAsync(server, apiKey, new { model = "general", interim_results = true }, [webm], pace: 2,
            more: new Dictionary<string, string> { ["DG_RAW"] = "1", ["DG_CHUNK_MS"] = "250" });

        Assert.True(run.Opened, run.Error);
        Assert.StartsWith("he was not", run.FinalText);
        Assert.InRange((double)Assert.Single(run.Of("Metadata")).Body["duration"]!, 4.2, 4.8);
    }
}
