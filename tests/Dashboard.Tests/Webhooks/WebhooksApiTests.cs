using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Webhooks;

/// <summary>/api/v3/webhooks: registration, signed deliveries of every training status change to a real loopback receiver, retries, the host policy.</summary>
[Trait("Category", "api")]
public sealed class WebhooksApiTests(WebhookServerFactory factory) : IClassFixture<WebhookServerFactory>, IAsyncLifetime
{
    private const string Webhooks = "/api/v3/webhooks";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    private LoopbackReceiver receiver = null!;

    public Task InitializeAsync()
    {
        receiver = LoopbackReceiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private Task<HttpClient> NewOrganizationAsync() => factory.CreateClientForAsync("hooks-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Id, string Secret)> RegisterAsync(HttpClient client, string? secret = null)
    {
        var created = await (await client.PostAsJsonAsync(Webhooks, new { url = new Uri(receiver.BaseAddress, "hook").ToString(), secret }))
            .AssertStatusAsync(HttpStatusCode.Created);
        return ((int)created["id"]!, (string)created["secret"]!);
    }

    private static async Task<int> TrainAsync(HttpClient client)
    {
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        (await client.PostAsJsonAsync($"{ApiClientExtensions.Models}/{id}/run", new { })).EnsureSuccessStatusCode();
        await client.WaitForStatusAsync(id, Timeout, TrainingStatus.Success, TrainingStatus.Failed);
        return id;
    }

    private static async Task<JsonArray> DeliveriesWhenAsync(HttpClient client, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var deliveries = (await (await client.GetAsync($"{Webhooks}/deliveries")).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray();
            if (done(deliveries)) return deliveries;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(deliveries.ToJsonString());
            await Task.Delay(200);
        }
    }

    private static bool AllSettled(JsonArray deliveries, int count) =>
        deliveries.Count == count && deliveries.All(d => (string)d!["status"]! != "pending");

    [Fact]
    public async Task RegisteringAWebhook_ShowsItsSecretOnce_AndTheListNeverShowsItAgain()
    {
        var client = await NewOrganizationAsync();

        var (id, secret) = await RegisterAsync(client);

        Assert.StartsWith("whsec_", secret);
        var list = await (await client.GetAsync(Webhooks)).ReadJsonAsync(expectSuccess: true);
        var only = Assert.Single(list["data"]!.AsArray())!;
        Assert.Equal(id, (int)only["id"]!);
        Assert.Null(only["secret"]);
        Assert.DoesNotContain(secret, list.ToJsonString());
    }

    [Fact]
    public async Task TheSecret_IsStoredEncrypted_SoACopyOfTheDatabaseCannotSignRequests()
    {
        var client = await NewOrganizationAsync();
        var (id, secret) = await RegisterAsync(client, secret: "a-secret-nobody-may-read-from-the-db");

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Secret FROM Webhooks WHERE Id = {id}";
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.StartsWith("enc1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", stored, StringComparison.Ordinal);
        Assert.Equal("a-secret-nobody-may-read-from-the-db", secret);
    }

    [Fact]
    public async Task EveryTrainingStatusChange_IsPostedWithAValidHmacSignature_AndSuccessCarriesTheMetrics()
    {
        var client = await NewOrganizationAsync();
        var (_, secret) = await RegisterAsync(client, secret: "my-own-secret-of-some-length");

        var modelId = await TrainAsync(client);

        await DeliveriesWhenAsync(client, d => AllSettled(d, 2));
        var posts = receiver.All.Where(r => r.Method == "POST").OrderBy(r => r.At).ToList();
        Assert.Equal(2, posts.Count);
        foreach (var post in posts)
        {
            var timestamp = post.Headers["X-Dashboard-Timestamp"];
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("my-own-secret-of-some-length"), Encoding.UTF8.GetBytes($"{timestamp}.{post.Body}")));
            Assert.Equal(expected, post.Headers["X-Dashboard-Signature"]);
            Assert.Equal("model.status_changed", post.Headers["X-Dashboard-Event"]);
        }
        var bodies = posts.Select(p => JsonNode.Parse(p.Body)!).ToList();
        Assert.Equal([TrainingStatus.Running, TrainingStatus.Success], bodies.Select(b => b.Status()));
        Assert.All(bodies, b => Assert.Equal(modelId, (int)b["model_id"]!));
        Assert.Equal("success", (string)bodies[1]["status"]!);
        Assert.Equal(100, (int)bodies[1]["training_progress"]!);
        Assert.True((double)bodies[1]["metrics"]!["word_error_rate"]! > 0);
        Assert.Null(bodies[0]["metrics"]);
        Assert.DoesNotContain(secret, string.Join("", posts.Select(p => p.Body)));
    }

    [Fact]
    public async Task AReceiverThatFailsTwice_GetsTheDeliveryRetriedWithBackOff_AndTheDeliveriesShowAttemptsAndStatusCodes()
    {
        var client = await NewOrganizationAsync();
        await RegisterAsync(client);
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(503);

        await TrainAsync(client);

        var deliveries = await DeliveriesWhenAsync(client, d => AllSettled(d, 2));
        Assert.All(deliveries, d => Assert.Equal("delivered", (string)d!["status"]!));
        Assert.All(deliveries, d => Assert.Equal(200, (int)d!["last_status_code"]!));
        Assert.Equal(2 + 2, deliveries.Sum(d => (int)d!["attempts"]!));
        var retried = receiver.All.Where(r => r.Method == "POST").GroupBy(r => r.Headers["X-Dashboard-Delivery"]).Single(g => g.Count() > 1)
            .OrderBy(r => r.At).ToList();
        Assert.True(retried[1].At - retried[0].At >= TimeSpan.FromSeconds(0.25), "the retry waits for the back-off");
    }

    [Fact]
    public async Task AReceiverThatNeverSucceeds_HasItsDeliveriesMarkedFailed_AfterTheMaximumAttempts()
    {
        var client = await NewOrganizationAsync();
        await RegisterAsync(client);
        for (var i = 0; i < 20; i++) receiver.Answers.Enqueue(500);

        await TrainAsync(client);

        var deliveries = await DeliveriesWhenAsync(client, d => AllSettled(d, 2));
        Assert.All(deliveries, d =>
        {
            Assert.Equal("failed", (string)d!["status"]!);
            Assert.Equal(4, (int)d["attempts"]!);
            Assert.Equal(500, (int)d["last_status_code"]!);
        });
    }

    [Theory]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("http://localhost:9/hook")]
    public async Task RegisteringAnInternalAddress_IsRefused_AndNothingIsStored(string url)
    {
        var client = await NewOrganizationAsync();

        var error = await (await client.PostAsJsonAsync(Webhooks, new { url })).AssertErrorAsync(HttpStatusCode.BadRequest, "URL_NOT_ALLOWED");

        Assert.Contains("Transcription:AllowedPrivateHosts", (string)error["message"]!);
        Assert.Empty((await (await client.GetAsync(Webhooks)).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray());
    }

    [Fact]
    public async Task ANonHttpUrlOrAShortSecret_IsAValidationError()
    {
        var client = await NewOrganizationAsync();

        await (await client.PostAsJsonAsync(Webhooks, new { url = "ftp://example.com/x" })).AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await (await client.PostAsJsonAsync(Webhooks, new { url = new Uri(receiver.BaseAddress, "hook").ToString(), secret = "short" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task AnotherOrganization_CannotDeleteTheWebhook_ButItsOwnerCan()
    {
        var owner = await NewOrganizationAsync();
        var stranger = await NewOrganizationAsync();
        var (id, _) = await RegisterAsync(owner);

        await (await stranger.DeleteAsync($"{Webhooks}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Empty((await (await stranger.GetAsync(Webhooks)).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray());

        await (await owner.DeleteAsync($"{Webhooks}/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Empty((await (await owner.GetAsync(Webhooks)).ReadJsonAsync(expectSuccess: true))["data"]!.AsArray());
    }
}
