using Dashboard.Server.Storage;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Encryption;

/// <summary>Blobs written through the server's own storage, and their encrypted files on disk, for the encryption tests.</summary>
public static class EncryptedBlobs
{
    public const int Segment = BlobHeader.DefaultSegmentSize;

    public static IBlobStorage Storage(this DashboardFactory factory) => factory.Services.GetRequiredService<IBlobStorage>();

    public static string FileOf(this DashboardFactory factory, string key) => Path.Combine(factory.BlobRoot(), key);

    public static async Task<(string Key, byte[] Plaintext)> WriteRandomAsync(this DashboardFactory factory, int length)
    {
        var plaintext = new byte[length];
        Random.Shared.NextBytes(plaintext);
        var key = $"tests/{Guid.NewGuid():N}.bin";
        using var content = new MemoryStream(plaintext);
        await factory.Storage().WriteAsync(key, content, CancellationToken.None);
        return (key, plaintext);
    }

    public static async Task<byte[]> ReadAllAsync(this IBlobStorage storage, string key)
    {
        await using var stream = storage.OpenRead(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>True if <paramref name="haystack"/> contains <paramref name="needle"/> anywhere.</summary>
    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>The key id the blob's header names (bytes 6.. after magic, format and id length).</summary>
    public static string KeyIdOnDisk(this DashboardFactory factory, string key)
    {
        var bytes = File.ReadAllBytes(factory.FileOf(key));
        return System.Text.Encoding.ASCII.GetString(bytes, 6, bytes[5]);
    }
}
