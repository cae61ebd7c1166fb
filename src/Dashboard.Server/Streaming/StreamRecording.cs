using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Dashboard.Server.Storage;
using Dashboard.Server.Speech;

namespace Dashboard.Server.Streaming;

/// <summary>
/// The audio of a participating stream as the recognizer heard it (16 kHz mono PCM), written to a scratch WAV file as
/// it arrives so a long stream is not held in memory; staged at the end for the Model Improvement Program's pool.
/// </summary>
public sealed class StreamRecording : IDisposable
{
    private const int HeaderBytes = 44;
    private readonly ScratchFolder folder;
    private readonly FileStream file;
    private long dataBytes;

    public StreamRecording(IBlobStorage storage)
    {
        folder = storage.CreateScratchFolder();
        file = new FileStream(Path.Combine(folder.Path, "stream.wav"), FileMode.Create, FileAccess.ReadWrite);
        file.Write(new byte[HeaderBytes]);
    }

    public void Append(ReadOnlySpan<short> pcm)
    {
        var bytes = MemoryMarshal.AsBytes(pcm);
        file.Write(bytes);
        dataBytes += bytes.Length;
    }

    /// <summary>The WAV file, staged (its header written now that the length is known).</summary>
    public async Task<StagedFile> StageAsync(IBlobStorage storage, CancellationToken ct)
    {
        var header = new byte[HeaderBytes];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), (int)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SphinxDecoder.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SphinxDecoder.SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), (int)dataBytes);
        file.Position = 0;
        await file.WriteAsync(header, ct);
        file.Position = 0;
        return await storage.StageAsync(file, long.MaxValue, ct);
    }

    public void Dispose()
    {
        file.Dispose();
        folder.Dispose();
    }
}
