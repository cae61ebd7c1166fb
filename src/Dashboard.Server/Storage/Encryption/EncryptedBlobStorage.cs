using Microsoft.Extensions.Options;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// <see cref="IBlobStorage"/> with every blob encrypted at rest (AES-256-GCM in 64 KiB segments, see <see cref="BlobHeader"/>):
/// writes encrypt while copying, uploads are encrypted while they arrive (a commit is then a rename), reads decrypt segment by
/// segment and stay seekable for range requests.
/// Staging and scratch files stay plaintext because ffprobe, ffmpeg and PocketSphinx read them by path; they live in
/// owner-only folders and are deleted after use. With Encryption:Enabled=false (benchmarks only) blobs are stored as they are.
/// </summary>
public sealed class EncryptedBlobStorage(LocalBlobStorage inner, KeyRing keys, IOptions<EncryptionOptions> options) : IBlobStorage
{
    private bool Enabled => options.Value.Enabled;

    public Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct) => inner.StageAsync(content, maxBytes, ct);

    /// <summary>The plaintext for the tools and the encrypted blob in one pass over <paramref name="content"/> (see <see cref="SealingStager"/>).</summary>
    public Task<StagedFile> StageToKeepAsync(Stream content, long maxBytes, Func<ReadOnlyMemory<byte>, bool> needsWorkingCopy, CancellationToken ct) =>
        Enabled ? SealingStager.StageAsync(inner.NewStagingPath(), content, maxBytes, keys.Active, needsWorkingCopy, ct) : inner.StageToKeepAsync(content, maxBytes, needsWorkingCopy, ct);

    public async Task<string> WorkingCopyAsync(StagedFile staged, CancellationToken ct)
    {
        if (staged.StoredFormPath is not { } sealedPath || File.Exists(staged.LocalPath)) return staged.LocalPath;
        await using var plaintext = OpenDecrypting(new FileStream(sealedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 0, useAsync: true), "staged upload");
        await using var target = OwnerOnly.CreateFile(staged.LocalPath, useAsync: true);
        await plaintext.CopyToAsync(target, ct);
        return staged.LocalPath;
    }

    public async Task CommitAsync(StagedFile staged, string key, CancellationToken ct)
    {
        if (!Enabled)
        {
            await inner.CommitAsync(staged, key, ct);
            return;
        }
        if (staged.StoredFormPath is { } sealedPath && File.Exists(sealedPath))
            await inner.CommitAsync(new StagedFile(sealedPath, staged.Length), key, ct);
        else
        {
            await using var plaintext = File.OpenRead(staged.LocalPath);
            await WriteAsync(key, plaintext, ct);
        }
        staged.Dispose();
    }

    public Task WriteAsync(string key, Stream content, CancellationToken ct) =>
        Enabled ? WriteEncryptedAsync(key, content, replace: false, ct) : inner.WriteAsync(key, content, ct);

    public Stream OpenRead(string key) => Enabled ? OpenDecrypting(inner.OpenUnbuffered(key), key) : inner.OpenRead(key);

    private DecryptingStream OpenDecrypting(Stream stream, string key)
    {
        try
        {
            return Decrypting(stream, key, ReadHeader(stream)
                ?? throw new BlobIntegrityException($"Stored blob '{key}' is not encrypted although encryption at rest is on; it was replaced on disk. Restore it from a backup."));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public async Task CopyToFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = OpenRead(key);
        await using var target = OwnerOnly.CreateFile(path, useAsync: true);
        await source.CopyToAsync(target, ct);
    }

    /// <summary>The stored bytes as they are: the copy keeps the header (key id, salt), so it decrypts like the original.</summary>
    public Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct) => inner.CopyAsync(sourceKey, targetKey, ct);

    public bool Exists(string key) => inner.Exists(key);

    public void Delete(string key) => inner.Delete(key);

    public void DeleteFolder(string prefix) => inner.DeleteFolder(prefix);

    public ScratchFolder CreateScratchFolder() => inner.CreateScratchFolder();

    public IEnumerable<string> List(string prefix) => inner.List(prefix);

    public int RemoveLeftovers(TimeSpan olderThan) => inner.RemoveLeftovers(olderThan);

    /// <summary>Rewrites one blob under the active key (plaintext from before encryption at rest included); false if it already uses it.</summary>
    public async Task<bool> ReencryptAsync(string key, CancellationToken ct)
    {
        var active = keys.Active;
        var stream = inner.OpenUnbuffered(key);
        try
        {
            var header = ReadHeader(stream);
            if (header?.KeyId == active.Id) return false;
            if (header is null) stream.Position = 0;
            else stream = Decrypting(stream, key, header);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
        await using (stream) await WriteEncryptedAsync(key, stream, replace: true, ct);
        return true;
    }

    /// <summary>The key id a stored blob names in its header, or null for a blob stored without encryption.</summary>
    public string? KeyIdOf(string key)
    {
        using var stream = inner.OpenUnbuffered(key);
        return ReadHeader(stream)?.KeyId;
    }

    private async Task WriteEncryptedAsync(string key, Stream content, bool replace, CancellationToken ct)
    {
        await using var encrypting = new EncryptingStream(content, keys.Active);
        if (replace) await inner.ReplaceAsync(key, encrypting, ct);
        else await inner.WriteAsync(key, encrypting, ct);
    }

    private DecryptingStream Decrypting(Stream stream, string key, BlobHeader header)
    {
        var encryptionKey = keys.Find(header.KeyId)
            ?? throw new BlobIntegrityException($"Stored blob '{key}' needs key {header.KeyId}, which is not in the key ring ({keys.Source}).");
        return new DecryptingStream(stream, key, header, encryptionKey);
    }

    private static BlobHeader? ReadHeader(Stream stream)
    {
        Span<byte> start = stackalloc byte[BlobHeader.MaxLength];
        var filled = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return BlobHeader.TryParse(start[..filled]);
    }
}
