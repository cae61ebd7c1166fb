using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Sphinx;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Hardening;

public sealed class CallbackFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Transcription:AllowedPrivateHosts:0"] = "127.0.0.1",
        ["Delivery:RetryBaseSeconds"] = "2",
        ["Delivery:MaxAttempts"] = "2",
        ["Delivery:TimeoutSeconds"] = "5",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}

/// <summary>
/// A /v1/listen?callback= result waits in the database only encrypted (no transcript word readable in the row), and
/// is purged once delivered or given up, read straight from the SQLite file.
/// </summary>
[Trait("Category", "api")]
public sealed class CallbackPayloadAtRestTests(CallbackFactory factory) : IClassFixture<CallbackFactory>, IAsyncLifetime
{
    private LoopbackReceiver receiver = null!;

    public Task InitializeAsync()
    {
        receiver = LoopbackReceiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task ACallbackResult_IsStoredEncryptedWhileItWaits_AndPurgedOnceDelivered()
    {
        receiver.Answers.Enqueue(500);
        var requestId = await ListenWithCallbackAsync("delivered");

        var first = await PostAsync("/delivered", 1);
        var waiting = await RowAsync(requestId) ?? throw new InvalidOperationException("posted, yet no delivery row");
        var words = TranscriptWords(first.Body);
        Assert.True(words.Count >= 3, first.Body);
        Assert.StartsWith("enc1:", waiting.Payload, StringComparison.Ordinal);
        Assert.All(words, w => Assert.DoesNotContain(w, waiting.Payload, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requestId, waiting.Payload, StringComparison.Ordinal);

        await PostAsync("/delivered", 2);
        var delivered = await RowWhenAsync(requestId, "delivered");
        Assert.Equal("", delivered.Payload);
    }

    [Fact]
    public async Task ACallbackResult_IsPurgedToo_WhenItsLastAttemptFails()
    {
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(503);
        var requestId = await ListenWithCallbackAsync("refused");

        var failed = await RowWhenAsync(requestId, "failed");

        Assert.Equal(2, receiver.All.Count(r => r.Path == "/refused"));
        Assert.Equal("", failed.Payload);
    }

    private async Task<string> ListenWithCallbackAsync(string path)
    {
        var key = await factory.CreateApiKeyAsync("callbacks-" + Guid.NewGuid().ToString("N"));
        using var client = factory.CreateClient();
        var recording = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/listen?model=general&callback={Uri.EscapeDataString(new Uri(receiver.BaseAddress, path).ToString())}")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(recording.WavPath)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        var accepted = await (await client.SendAsync(request)).ReadJsonAsync(expectSuccess: true);
        return (string)accepted["request_id"]!;
    }

    /// <summary>The <paramref name="number"/>th POST the receiver got at <paramref name="path"/>, once it has come.</summary>
    private async Task<LoopbackReceiver.Received> PostAsync(string path, int number)
    {
        for (var waited = 0; waited < 120_000; waited += 100)
        {
            var posts = receiver.All.Where(r => r.Path == path).OrderBy(r => r.At).ToList();
            if (posts.Count >= number) return posts[number - 1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"no POST number {number} to {path}");
    }

    private static List<string> TranscriptWords(string body) =>
        ((string)JsonNode.Parse(body)!["results"]!["channels"]![0]!["alternatives"]![0]!["transcript"]!)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '?', '!')).Where(w => w.Length >= 4).Distinct().ToList();

    private sealed record Row(string Status, string Payload);

    private async Task<Row?> RowAsync(string requestId)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, Payload FROM OutboundDeliveries WHERE Kind = 'callback' AND Reference = $reference";
        command.Parameters.AddWithValue("$reference", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Row(reader.GetString(0), reader.GetString(1)) : null; // none until the transcript is done
    }

    private async Task<Row> RowWhenAsync(string requestId, string status)
    {
        for (var waited = 0; waited < 60_000; waited += 200)
        {
            var row = await RowAsync(requestId);
            if (row?.Status == status) return row;
            await Task.Delay(200);
        }
        return await RowAsync(requestId) ?? throw new TimeoutException($"no delivery row for {requestId}");
    }
}
