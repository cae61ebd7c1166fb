using System.Security.Cryptography;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// The plaintext of an encrypted blob, seekable: a read decrypts (and authenticates) only the segment that holds the
/// position, so range requests cost one segment, not the whole file. Any failed check throws <see cref="BlobIntegrityException"/>.
/// </summary>
public sealed class DecryptingStream : ReadOnlyStream
{
    private readonly Stream inner;
    private readonly string name;
    private readonly BlobHeader header;
    private readonly AesGcm cipher;
    private readonly long segments;
    private readonly byte[] stored;
    private readonly byte[] plain;
    private long loadedSegment = -1;
    private int loadedLength;
    private long position;

    public DecryptingStream(Stream inner, string name, BlobHeader header, EncryptionKey key)
    {
        this.inner = inner;
        this.name = name;
        this.header = header;
        Length = header.PlaintextLength(inner.Length, out segments);
        if (Length < 0) throw Corrupt("its length does not fit the format (truncated?)");
        cipher = header.CreateCipher(key);
        stored = new byte[header.StoredSegmentSize];
        plain = new byte[header.SegmentSize];
    }

    public override long Length { get; }

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= Length || buffer.Length == 0) return 0;
        var index = position / header.SegmentSize;
        if (index != loadedSegment) await LoadAsync(index, cancellationToken);
        var offset = (int)(position - index * header.SegmentSize);
        var count = Math.Min(buffer.Length, loadedLength - offset);
        plain.AsMemory(offset, count).CopyTo(buffer);
        position += count;
        return count;
    }

    private async Task LoadAsync(long index, CancellationToken ct)
    {
        var final = index == segments - 1;
        var storedLength = (int)(final ? inner.Length - header.Length - index * header.StoredSegmentSize : header.StoredSegmentSize);
        inner.Position = header.Length + index * header.StoredSegmentSize;
        var filled = 0;
        int read;
        while (filled < storedLength && (read = await inner.ReadAsync(stored.AsMemory(filled, storedLength - filled), ct)) > 0) filled += read;
        if (filled < storedLength) throw Corrupt($"segment {index} is cut short");
        var length = storedLength - BlobHeader.TagSize;
        try
        {
            Decrypt(index, final, length);
        }
        catch (CryptographicException e)
        {
            loadedSegment = -1;
            throw Corrupt($"segment {index} of {segments} failed authentication (altered, truncated, or not encrypted with key {header.KeyId})", e);
        }
        (loadedSegment, loadedLength) = (index, length);
    }

    private void Decrypt(long index, bool final, int length)
    {
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> associated = stackalloc byte[5];
        header.Nonce(index, nonce);
        BlobHeader.AssociatedData(index, final, associated);
        cipher.Decrypt(nonce, stored.AsSpan(0, length), stored.AsSpan(length, BlobHeader.TagSize), plain.AsSpan(0, length), associated);
    }

    private BlobIntegrityException Corrupt(string problem, Exception? inner = null) =>
        new($"Stored blob '{name}' cannot be trusted: {problem}. Restore it from a backup.", inner);

    public override bool CanSeek => true;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            cipher?.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
