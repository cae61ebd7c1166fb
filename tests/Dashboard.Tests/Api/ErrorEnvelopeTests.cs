using Dashboard.Shared.Models;
using System.Net;
using Dashboard.Server.Storage;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Api;

/// <summary>Storage whose disk fills up on the second file of a pair: an unexpected failure mid-upload.</summary>
public sealed class FailingStorageFactory : DashboardFactory
{
    public const string SecretProblem = "No space left on device (disk /dev/sda7)";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IBlobStorage>(sp => new TranscriptCommitFails(sp.GetRequiredService<EncryptedBlobStorage>()));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    private sealed class TranscriptCommitFails(EncryptedBlobStorage inner) : IBlobStorage
    {
        public Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct) => inner.StageAsync(content, maxBytes, ct);
        public Task<StagedFile> StageToKeepAsync(Stream content, long maxBytes, Func<ReadOnlyMemory<byte>, bool> needsWorkingCopy, CancellationToken ct) =>
            inner.StageAsync(content, maxBytes, ct);
        public Task<string> WorkingCopyAsync(StagedFile staged, CancellationToken ct) => inner.WorkingCopyAsync(staged, ct);
        public Task CommitAsync(StagedFile staged, string key, CancellationToken ct) =>
            key.EndsWith(".txt", StringComparison.Ordinal) ? throw new IOException(SecretProblem) : inner.CommitAsync(staged, key, ct);
        public Stream OpenRead(string key) => inner.OpenRead(key);
        public Task CopyToFileAsync(string key, string path, CancellationToken ct) => inner.CopyToFileAsync(key, path, ct);
        public Task WriteAsync(string key, Stream content, CancellationToken ct) => inner.WriteAsync(key, content, ct);
        public Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct) => inner.CopyAsync(sourceKey, targetKey, ct);
        public bool Exists(string key) => inner.Exists(key);
        public void Delete(string key) => inner.Delete(key);
        public void DeleteFolder(string prefix) => inner.DeleteFolder(prefix);
        public ScratchFolder CreateScratchFolder() => inner.CreateScratchFolder();
        public IEnumerable<string> List(string prefix) => inner.List(prefix);
        public int RemoveLeftovers(TimeSpan olderThan) => inner.RemoveLeftovers(olderThan);
    }
}

/// <summary>Errors that are not about one resource: unknown routes and unexpected failures, still in the seed's envelope.</summary>
[Trait("Category", "api")]
public sealed class ErrorEnvelopeTests(FailingStorageFactory factory) : IClassFixture<FailingStorageFactory>
{
    private const string Models = ApiClientExtensions.Models;

    [Theory]
    [InlineData("/api/v3/no_such_thing")]
    [InlineData("/api/v2/custom_models")]
    [InlineData("/api/v3/custom_models/abc")]
    [InlineData("/api/v3/custom_models/1/train")]
    public async Task AnUnknownApiRoute_Returns404InTheEnvelope(string path)
    {
        using var client = await factory.CreateClientForAsync("errors");

        var error = await (await client.GetAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Contains(path, (string?)error["message"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["details"]!["trace_id"]), error.ToJsonString());
    }

    [Fact]
    public async Task EachError_CarriesItsOwnRequestsTraceId()
    {
        using var client = await factory.CreateClientForAsync("errors");

        var first = await (await client.GetAsync($"{Models}/31337")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");
        var second = await (await client.GetAsync($"{Models}/31337")).AssertErrorAsync(HttpStatusCode.NotFound, "MODEL_NOT_FOUND");

        Assert.NotEqual((string?)first["details"]!["trace_id"], (string?)second["details"]!["trace_id"]);
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotSupport_Returns405InTheEnvelope_WithAllow()
    {
        using var client = await factory.CreateClientForAsync("errors");

        var response = await client.PatchAsync($"{Models}/1", new StringContent("{}"));

        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        Assert.Equal(["DELETE", "GET", "HEAD", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUnexpectedFailure_Returns500InTheEnvelope_WithoutInternalDetails_AndKeepsNothing()
    {
        using var client = await factory.CreateClientForAsync("errors");
        var id = (int)(await client.CreateModelAsync())["id"]!;

        var response = await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav"), await AudioFiles.TranscriptAsync("hello"));

        var error = await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.DoesNotContain("/dev/sda7", error.ToJsonString(), StringComparison.Ordinal);
        var traceId = (string?)error["details"]!["trace_id"];
        Assert.False(string.IsNullOrWhiteSpace(traceId), error.ToJsonString());
        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains(traceId!, StringComparison.Ordinal)
            && l.Contains(FailingStorageFactory.SecretProblem, StringComparison.Ordinal));
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
        Assert.Equal(TrainingStatus.NotRunning, (await client.GetModelAsync(id)).Status());
    }
}
