using System.Runtime.InteropServices;

namespace Dashboard.Server.Streaming;

/// <summary>16-bit little-endian samples from bytes that come in pieces: a piece may end inside a sample, whose first byte then waits for the next piece.</summary>
public sealed class SampleJoiner
{
    private byte? carried;

    /// <summary>The whole samples that <paramref name="bytes"/> completes, in one new array.</summary>
    public short[] Join(ReadOnlySpan<byte> bytes)
    {
        var offset = carried.HasValue ? 1 : 0;
        var total = offset + bytes.Length;
        var samples = total < 2 ? [] : new short[total / 2];
        var target = MemoryMarshal.AsBytes(samples.AsSpan());
        if (target.Length > 0)
        {
            target[0] = carried ?? bytes[0];
            bytes[(1 - offset)..(target.Length - offset)].CopyTo(target[1..]);
        }
        if (total % 2 == 0) carried = null;
        else if (!bytes.IsEmpty) carried = bytes[^1];
        return samples;
    }
}
