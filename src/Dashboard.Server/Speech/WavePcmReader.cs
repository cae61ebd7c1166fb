using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Dashboard.Server.Speech;

/// <summary>
/// Reads a WAV file that is already what the decoder wants (PCM, 16-bit, mono, 16 kHz) without starting ffmpeg;
/// anything else is left to <see cref="PcmAudio"/>. Saves a process start per request for the most common upload.
/// </summary>
public static class WavePcmReader
{
    public static bool TryRead(string path, out short[] samples)
    {
        samples = [];
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 44 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8)) return false;
        var formatOk = false;
        for (var position = 12; position + 8 <= bytes.Length;)
        {
            var id = bytes.AsSpan(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4, 4));
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= bytes.Length)
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body, 2));
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2, 2));
                var rate = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body + 4, 4));
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14, 2));
                formatOk = format is 1 or 0xFFFE && channels == 1 && rate == SphinxDecoder.SampleRate && bits == 16;
                if (!formatOk) return false;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!formatOk) return false;
                var length = (int)Math.Min(size, (uint)(bytes.Length - body)) & ~1;
                samples = MemoryMarshal.Cast<byte, short>(bytes.AsSpan(body, length)).ToArray();
                return BitConverter.IsLittleEndian;
            }
            position = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }
        return false;
    }
}
