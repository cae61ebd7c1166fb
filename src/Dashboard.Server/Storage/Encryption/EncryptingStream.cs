using System.Security.Cryptography;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// Reading it yields the encrypted form of <paramref name="source"/> (header, then one sealed segment at a time): a blob can
/// be encrypted while it is copied, never held whole in memory. One segment is read ahead to know which one is final.
/// </summary>
public sealed class EncryptingStream : ReadOnlyStream
{
    private readonly Stream source;
    private readonly BlobHeader header;
    private readonly AesGcm cipher;
    private byte[] current;
    private byte[] next;
    private int currentLength;
    private bool currentFilled;
    private readonly byte[] output;
    private int outputStart;
    private int outputEnd;
    private long segment;
    private bool finished;

    public EncryptingStream(Stream source, EncryptionKey key, int segmentSize = BlobHeader.DefaultSegmentSize)
    {
        this.source = source;
        header = BlobHeader.Create(key.Id, segmentSize);
        cipher = header.CreateCipher(key);
        current = new byte[segmentSize];
        next = new byte[segmentSize];
        output = new byte[Math.Max(header.StoredSegmentSize, header.Length)];
        header.Bytes.CopyTo(output, 0);
        outputEnd = header.Length;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (outputStart == outputEnd && !finished) await SealNextSegmentAsync(cancellationToken);
        var count = Math.Min(buffer.Length, outputEnd - outputStart);
        output.AsMemory(outputStart, count).CopyTo(buffer);
        outputStart += count;
        return count;
    }

    private async Task SealNextSegmentAsync(CancellationToken ct)
    {
        if (!currentFilled)
        {
            currentLength = await FillAsync(current, ct);
            currentFilled = true;
        }
        var nextLength = currentLength == current.Length ? await FillAsync(next, ct) : 0;
        var final = nextLength == 0;
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> associated = stackalloc byte[5];
        header.Nonce(segment, nonce);
        BlobHeader.AssociatedData(segment, final, associated);
        cipher.Encrypt(nonce, current.AsSpan(0, currentLength), output.AsSpan(0, currentLength),
            output.AsSpan(currentLength, BlobHeader.TagSize), associated);
        (outputStart, outputEnd) = (0, currentLength + BlobHeader.TagSize);
        segment++;
        finished = final;
        (current, next, currentLength) = (next, current, nextLength);
    }

    private async Task<int> FillAsync(byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await source.ReadAsync(buffer.AsMemory(filled), ct)) > 0) filled += read;
        return filled;
    }

    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            cipher.Dispose(); // the source belongs to the caller
        }
        base.Dispose(disposing);
    }
}
