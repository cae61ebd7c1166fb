using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Sphinx;

/// <summary>
/// The options Deepgram clients send, through the official @deepgram/sdk against our /v1/listen on a real decoder:
/// a URL source on a loopback file server (allowed by configuration), smart_format + utterances, tag/extra,
/// callback to a loopback receiver, and a refused private URL. The audio is real speech: a sentence with a number
/// (flite), 1.5 s of silence, then a LibriVox recording.
/// </summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class DeepgramOptionsSdkTests : IAsyncLifetime
{
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] KeyTerms = ["price", "percent"];
    private static readonly string[] Extra = ["ticket:T-42", "team:qa"];
    private SphinxApiHost host = null!;
    private LoopbackReceiver receiver = null!;
    private string key = "";
    private string audio = "";

    public async Task InitializeAsync()
    {
        receiver = LoopbackReceiver.Start();
        host = SphinxApiHost.Start(listen: true, new Dictionary<string, string> { ["Transcription:AllowedPrivateHosts:0"] = "127.0.0.1" });
        (_, key, _) = await host.NewOrganizationAsync("sdk-options");
        audio = await TwoSentencesAsync(host.Root);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private Task<JsonNode> ListenAsync(object options, Uri? url = null, string? file = null) =>
        DeepgramSdk.ListenAsync(host.BaseAddress!, key, options, url, file);

    [Fact]
    public async Task TranscribeUrl_FetchesTheAudioFromAnAllowedLoopbackServer_AndAppliesSmartFormatUtterancesTagAndExtra()
    {
        var url = receiver.Serve("media/two-sentences.wav", audio);

        var response = await ListenAsync(new
        {
            model = "nova-3", smart_format = true, utterances = true, keyterm = KeyTerms, tag = "sdk-test", extra = Extra,
        }, url: url);

        Assert.True(response["error"] is null, response.ToJsonString());
        Assert.Contains(receiver.All, r => r.Method == "GET" && r.Path == "/media/two-sentences.wav");
        var alternative = response["results"]!["channels"]![0]!["alternatives"]![0]!;
        var transcript = (string)alternative["transcript"]!;
        Assert.StartsWith("The price went up 25%.", transcript);
        Assert.Contains(". He was not", transcript);
        Assert.Contains(alternative["words"]!.AsArray(), w => (string?)w!["punctuated_word"] == "25%.");
        var utterances = response["results"]!["utterances"]!.AsArray();
        Assert.Equal(2, utterances.Count);
        Assert.StartsWith("The price", (string)utterances[0]!["transcript"]!);
        Assert.StartsWith("He was not", (string)utterances[1]!["transcript"]!);
        Assert.True((double)utterances[1]!["start"]! - (double)utterances[0]!["end"]! >= 0.8);
        Assert.All(utterances, u => Assert.Equal(0, (int)u!["channel"]!));
        Assert.Equal(2, utterances.Select(u => (string)u!["id"]!).Distinct().Count());
        var metadata = response["metadata"]!;
        Assert.Equal(["sdk-test"], metadata["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("T-42", (string)metadata["extra"]!["ticket"]!);
        Assert.Equal("qa", (string)metadata["extra"]!["team"]!);
    }

    [Fact]
    public async Task TranscribeFile_WithParagraphsAndNoFormattingOptions_GivesSentencesInParagraphs_ButPlainWordsWithoutIt()
    {
        var plain = await ListenAsync(new { model = "general" }, file: audio);
        var plainAlternative = plain["results"]!["channels"]![0]!["alternatives"]![0]!;
        Assert.StartsWith("the price went up twenty five percent he was not", (string)plainAlternative["transcript"]!);
        Assert.Null(plainAlternative["words"]![0]!["punctuated_word"]);
        Assert.Null(plain["results"]!["utterances"]);

        var withParagraphs = await ListenAsync(new { model = "general", paragraphs = true }, file: audio);
        var paragraphs = withParagraphs["results"]!["channels"]![0]!["alternatives"]![0]!["paragraphs"]!;
        var sentences = paragraphs["paragraphs"]!.AsArray().SelectMany(p => p!["sentences"]!.AsArray()).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("The price went up twenty five percent.", (string)sentences[0]!["text"]!);
        Assert.StartsWith("He was not", (string)sentences[1]!["text"]!);
    }

    [Fact]
    public async Task Callback_AnswersWithARequestIdAtOnce_ThenPostsTheFullResultToTheLoopbackReceiver()
    {
        var callback = new Uri(receiver.BaseAddress, "hooks/deepgram?job=7");

        var accepted = await ListenAsync(new { model = "general", smart_format = true, callback = callback.ToString(), tag = "async" }, file: audio);

        var requestId = (string?)accepted["request_id"];
        Assert.False(string.IsNullOrEmpty(requestId), accepted.ToJsonString());
        Assert.Null(accepted["results"]);
        var posted = await NextPostAsync("/hooks/deepgram?job=7");
        var result = JsonNode.Parse(posted.Body)!;
        Assert.Equal(requestId, (string)result["metadata"]!["request_id"]!);
        Assert.Equal(["async"], result["metadata"]!["tags"]!.AsArray().Select(t => (string)t!));
        Assert.StartsWith("The price went up 25%.", (string)result["results"]!["channels"]![0]!["alternatives"]![0]!["transcript"]!);
        Assert.StartsWith("application/json", posted.Headers["Content-Type"]);
    }

    [Fact]
    public async Task APrivateUrlThatIsNotAllowed_IsRefusedBeforeAnyConnection_WithDeepgramsErrorShapeShownByTheSdk()
    {
        var before = receiver.All.Count;
        var notListed = new Uri($"http://localhost:{receiver.BaseAddress.Port}/media/two-sentences.wav"); // loopback, but only 127.0.0.1 is listed

        foreach (var url in new[] { notListed, new Uri("http://169.254.169.254/latest/meta-data/"), new Uri("http://10.0.0.7/audio.wav") })
        {
            var response = await ListenAsync(new { model = "general" }, url: url);

            var error = response["error"]!;
            Assert.Equal(400, (int)error["status"]!);
            Assert.Equal("URL_NOT_ALLOWED", (string)error["body"]!["err_code"]!);
            Assert.Contains("Transcription:AllowedPrivateHosts", (string)error["body"]!["err_msg"]!);
            Assert.False(string.IsNullOrEmpty((string?)error["body"]!["request_id"]));
            Assert.Contains("URL_NOT_ALLOWED", (string)error["message"]!); // what a developer sees in the thrown error
        }
        Assert.Equal(before, receiver.All.Count);
    }

    [Fact]
    public async Task ARedirectFromAnAllowedHostToAnInternalOne_IsRefusedBeforeConnectingToIt()
    {
        receiver.Serve("media/secret.wav", audio);
        var internalTarget = new Uri($"http://localhost:{receiver.BaseAddress.Port}/media/secret.wav");
        var url = receiver.Redirect("media/moved.wav", internalTarget);

        var response = await ListenAsync(new { model = "general" }, url: url);

        Assert.Equal("URL_NOT_ALLOWED", (string)response["error"]!["body"]!["err_code"]!);
        Assert.Contains("localhost", (string)response["error"]!["body"]!["err_msg"]!);
        Assert.Contains(receiver.All, r => r.Path == "/media/moved.wav");
        Assert.DoesNotContain(receiver.All, r => r.Path == "/media/secret.wav");
    }

    [Fact]
    public async Task ACallbackToAPrivateAddress_IsRefusedAtOnce_AndNothingIsQueued()
    {
        var response = await ListenAsync(new { model = "general", callback = "http://192.168.1.20/hook" }, file: audio);

        Assert.Equal("URL_NOT_ALLOWED", (string)response["error"]!["body"]!["err_code"]!);
        Assert.Contains("callback", (string)response["error"]!["body"]!["err_msg"]!);
    }

    private async Task<LoopbackReceiver.Received> NextPostAsync(string path)
    {
        while (true)
        {
            var request = await receiver.NextAsync(CallbackTimeout);
            if (request.Method == "POST" && request.Path == path) return request;
        }
    }

    /// <summary>"the price went up twenty five percent" (flite), 1.5 s of silence, then LibriVox's "he was not…".</summary>
    private static async Task<string> TwoSentencesAsync(string folder)
    {
        var spoken = Path.Combine(folder, "spoken.wav");
        var padded = Path.Combine(folder, "padded.wav");
        var result = Path.Combine(folder, "two-sentences.wav");
        await SpeechSynthesizer.RunAsync("flite", "-voice", "slt", "-t", "the price went up twenty five percent", "-o", spoken);
        await SpeechSynthesizer.RunAsync("sox", spoken, "-r", "16000", "-c", "1", "-b", "16", padded, "pad", "0", "1.5");
        var librivox = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal)).WavPath;
        await SpeechSynthesizer.RunAsync("sox", padded, librivox, result);
        return result;
    }
}
