using System.Runtime.InteropServices;
using Dashboard.Server.Storage.Encryption;

namespace Dashboard.Server.Storage;

/// <summary>
/// Writes a new file past the page cache (O_DIRECT where Linux allows it, plain writes elsewhere): for a large blob that
/// is not read back soon this saves the kernel's copy into the cache, which on a busy machine cost more CPU than the
/// rest of an upload. The caller fills <see cref="Buffer"/> (aligned as O_DIRECT needs) and writes it: full each time but the last.
/// </summary>
public sealed class UncachedFileWriter : IDisposable
{
    private const int Alignment = 4096;
    private readonly FileStream file;
    private bool direct;
    private long position;

    public UncachedFileWriter(string path, int bufferSize)
    {
        bufferSize = (bufferSize + Alignment - 1) / Alignment * Alignment;
        file = OwnerOnly.CreateFile(path);
        direct = NativeFiles.TrySetDirect(file.SafeFileHandle, direct: true);
        var pinned = GC.AllocateUninitializedArray<byte>(bufferSize + Alignment, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0).ToInt64();
        var start = (int)((Alignment - address % Alignment) % Alignment);
        Buffer = pinned.AsMemory(start, bufferSize);
    }

    public Memory<byte> Buffer { get; }

    /// <summary>Writes the first <paramref name="length"/> bytes of <see cref="Buffer"/>; a length short of it ends the file.</summary>
    public void Write(int length)
    {
        var padded = direct ? (length + Alignment - 1) / Alignment * Alignment : length;
        Buffer.Span[length..padded].Clear();
        try
        {
            RandomAccess.Write(file.SafeFileHandle, Buffer.Span[..padded], position);
        }
        catch (IOException) when (direct && position == 0 && NativeFiles.TrySetDirect(file.SafeFileHandle, direct: false))
        {
            direct = false; // a file system that takes the flag but not the writes
            RandomAccess.Write(file.SafeFileHandle, Buffer.Span[..length], position);
        }
        position += length;
        if (padded != length) RandomAccess.SetLength(file.SafeFileHandle, position);
    }

    public void Dispose() => file.Dispose();
}
