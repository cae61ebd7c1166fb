using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

public sealed class OneMegabyteUploadsFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Storage:MaxUploadMegabytes"] = "1",
    };
}

/// <summary>Storage:MaxUploadMegabytes: a larger upload is refused with 413 in the envelope and leaves nothing behind.</summary>
[Trait("Category", "api")]
public sealed class UploadLimitTests(OneMegabyteUploadsFactory factory) : IClassFixture<OneMegabyteUploadsFactory>
{
    private const string Models = ApiClientExtensions.Models;

    /// <summary>About 2.2 MB of 16-bit 16 kHz WAV.</summary>
    private static Task<string> TwoMegabyteWav() => AudioFiles.ToneAsync("wav", seconds: 70);

    private async Task<(HttpClient Client, int Id)> NewModelAsync()
    {
        var client = await factory.CreateClientForAsync("limits-" + Guid.NewGuid().ToString("N"));
        return (client, (int)(await client.CreateModelAsync())["id"]!);
    }

    [Fact]
    public async Task Upload_Returns413_WhenTheDeclaredLengthExceedsMaxUploadMegabytes()
    {
        var (client, id) = await NewModelAsync();
        var transcript = await AudioFiles.TranscriptAsync("too long");

        var error = await (await client.UploadAsync(id, "train", await TwoMegabyteWav(), transcript))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        Assert.Equal(1, (int)error["details"]!["limit_megabytes"]!);
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Upload_Returns413_WhenAChunkedBodyGrowsPastMaxUploadMegabytes()
    {
        var (client, id) = await NewModelAsync();
        using var form = new MultipartFormDataContent { { new StringContent("train"), "type" } };
        form.Add(new StreamContent(new UnknownLengthStream(File.OpenRead(await TwoMegabyteWav()))), "audio_file", "long.wav");
        form.Add(new StringContent("too long"), "transcript_file", "long.txt");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Models}/{id}/data") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        await (await client.SendAsync(request)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        Assert.Equal(0, await factory.DataFileCountAsync(id));
        Assert.Empty(factory.BlobsOf(id));
        Assert.Empty(factory.StagedFiles());
    }

    [Fact]
    public async Task Upload_UnderTheLimit_IsAccepted()
    {
        var (client, id) = await NewModelAsync();

        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav", seconds: 20), await AudioFiles.TranscriptAsync("fits")))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(1, await factory.DataFileCountAsync(id));
    }

    /// <summary>A stream that does not reveal its length, so the client must send it chunked.</summary>
    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
