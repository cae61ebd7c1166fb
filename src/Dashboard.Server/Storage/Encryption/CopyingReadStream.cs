namespace Dashboard.Server.Storage.Encryption;

/// <summary>Reads <paramref name="source"/> and writes every byte read to <paramref name="copy"/> as it passes (neither is owned).</summary>
public sealed class CopyingReadStream(Stream source, Stream copy) : ReadOnlyStream
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        copy.Write(buffer.Span[..read]); // callers read on a worker of their own; a synchronous write to the page cache is the cheap one
        return read;
    }

    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
}
