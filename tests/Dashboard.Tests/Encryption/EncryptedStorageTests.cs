using System.Runtime.Versioning;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Encryption.EncryptedBlobs;

namespace Dashboard.Tests.Encryption;

/// <summary>Blob storage encrypts every blob in 64 KiB AES-256-GCM segments: large files round-trip, ranges seek, tampering is caught.</summary>
[SupportedOSPlatform("linux")]
[Trait("Category", "api")]
public sealed class EncryptedStorageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ALargeBlob_RoundTrips_AndItsFileHoldsNoneOfThePlaintext()
    {
        var (key, plaintext) = await factory.WriteRandomAsync(5 * Segment + 12_345);

        Assert.Equal(plaintext, await factory.Storage().ReadAllAsync(key));
        var onDisk = await File.ReadAllBytesAsync(factory.FileOf(key));
        Assert.Equal("DBLB"u8.ToArray(), onDisk[..4]);
        Assert.Equal(66 + plaintext.Length + 6 * BlobHeader.TagSize, onDisk.Length); // the header (16-character key id), 6 segments with their tags
        for (var offset = 0; offset < plaintext.Length - 32; offset += 4096)
            Assert.False(Contains(onDisk, plaintext.AsSpan(offset, 32)), $"plaintext at {offset} found on disk");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Segment)]
    [InlineData(3 * Segment)]
    public async Task BlobsOfEdgeLengths_RoundTrip(int length)
    {
        var (key, plaintext) = await factory.WriteRandomAsync(length);

        Assert.Equal(plaintext, await factory.Storage().ReadAllAsync(key));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(Segment - 1, 2)]
    [InlineData(Segment, 1)]
    [InlineData(Segment - 5, 2 * Segment + 10)]
    [InlineData(2 * Segment, Segment)]
    [InlineData(4 * Segment - 3, 80)] // to the very last byte
    public async Task ARangeRead_SeeksToTheSegmentHoldingTheOffset_AndReturnsExactlyThoseBytes(int offset, int count)
    {
        var (key, plaintext) = await factory.WriteRandomAsync(4 * Segment + 77);
        await using var stream = factory.Storage().OpenRead(key);
        Assert.True(stream.CanSeek);
        Assert.Equal(plaintext.Length, stream.Length);

        stream.Seek(offset, SeekOrigin.Begin);
        var slice = new byte[count];
        await stream.ReadExactlyAsync(slice);

        Assert.Equal(plaintext.AsSpan(offset, count).ToArray(), slice);
    }

    [Fact]
    public async Task AByteChangedOnDisk_IsDetected_NamingTheBlobAndSegment()
    {
        var (key, _) = await factory.WriteRandomAsync(4 * Segment);
        var bytes = await File.ReadAllBytesAsync(factory.FileOf(key));
        bytes[bytes.Length - 2 * (Segment + BlobHeader.TagSize) + 100] ^= 0x01; // inside segment 2 of 0..3
        await File.WriteAllBytesAsync(factory.FileOf(key), bytes);

        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => factory.Storage().ReadAllAsync(key));

        Assert.Contains(key, error.Message);
        Assert.Contains("segment 2 of 4", error.Message);
    }

    [Theory]
    [InlineData(1)]                                // inside the last tag
    [InlineData(500 + BlobHeader.TagSize)]         // exactly the final segment: the rest looks well formed
    [InlineData(Segment + BlobHeader.TagSize + 7)] // into the previous segment
    public async Task ATruncatedBlob_IsDetected(int cut)
    {
        var (key, _) = await factory.WriteRandomAsync(3 * Segment + 500);
        var bytes = await File.ReadAllBytesAsync(factory.FileOf(key));
        await File.WriteAllBytesAsync(factory.FileOf(key), bytes[..^cut]);

        await Assert.ThrowsAsync<BlobIntegrityException>(() => factory.Storage().ReadAllAsync(key));
    }

    [Fact]
    public async Task SwappedSegments_AreDetected()
    {
        var (key, _) = await factory.WriteRandomAsync(3 * Segment);
        var bytes = await File.ReadAllBytesAsync(factory.FileOf(key));
        var header = bytes.Length - 3 * (Segment + BlobHeader.TagSize);
        var first = bytes.AsSpan(header, Segment + BlobHeader.TagSize).ToArray();
        bytes.AsSpan(header + Segment + BlobHeader.TagSize, Segment + BlobHeader.TagSize).CopyTo(bytes.AsSpan(header));
        first.CopyTo(bytes.AsSpan(header + Segment + BlobHeader.TagSize));
        await File.WriteAllBytesAsync(factory.FileOf(key), bytes);

        await Assert.ThrowsAsync<BlobIntegrityException>(() => factory.Storage().ReadAllAsync(key));
    }

    [Fact]
    public async Task APlaintextFilePutInPlaceOfABlob_IsRefused()
    {
        var (key, _) = await factory.WriteRandomAsync(1000);
        await File.WriteAllTextAsync(factory.FileOf(key), "not what the server wrote");

        var error = await Assert.ThrowsAsync<BlobIntegrityException>(() => factory.Storage().ReadAllAsync(key));

        Assert.Contains("not encrypted", error.Message);
    }

    [Fact]
    public async Task CopyToFile_WritesThePlaintextWorkingCopy_ReadableByTheOwnerOnly()
    {
        var (key, plaintext) = await factory.WriteRandomAsync(2 * Segment + 3);
        using var scratch = factory.Storage().CreateScratchFolder();
        var path = Path.Combine(scratch.Path, "work.bin");

        await factory.Storage().CopyToFileAsync(key, path, CancellationToken.None);

        Assert.Equal(plaintext, await File.ReadAllBytesAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(scratch.Path));
    }

    [Fact]
    public void TheKeyFile_MadeOnFirstStart_IsReadableByTheOwnerOnly()
    {
        _ = factory.Server;
        var file = Path.Combine(factory.StorageRoot, "keys", "blob-keys.json");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
    }
}
