using System.Buffers.Binary;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data;

/// <summary>
/// Reads a plain PCM WAV (RIFF/WAVE, integer or float samples) from its first bytes, as ffprobe would describe it, so
/// that such an upload needs no plaintext copy on disk and no ffprobe run. Anything less regular (another codec, RF64,
/// a header past <see cref="HeadBytes"/>, a data size that does not match the file) is left to ffprobe: null.
/// </summary>
public static class WavHeader
{
    /// <summary>How much of the start of a file the header must fit in: what staging keeps of it.</summary>
    public const int HeadBytes = StagedFile.HeadBytes;

    private const int FormatPcm = 1;
    private const int FormatFloat = 3;
    private const int FormatExtensible = 0xFFFE;

    /// <summary>The layout of <paramref name="head"/>, the file's first bytes; null unless it is a WAV this class can describe.</summary>
    public static WavLayout? TryParse(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head[..4].SequenceEqual("RIFF"u8) || !head.Slice(8, 4).SequenceEqual("WAVE"u8)) return null;
        WavLayout? layout = null;
        var offset = 12;
        while (offset + 8 <= head.Length)
        {
            var id = head.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("data"u8)) return layout is null ? null : layout with { DataOffset = body, DataBytes = size };
            if (id.SequenceEqual("fmt "u8))
            {
                if (layout is not null || size < 16 || body + size > head.Length) return null;
                layout = ParseFormat(head.Slice(body, (int)size));
                if (layout is null) return null;
            }
            offset = (int)Math.Min(int.MaxValue, body + (long)size + (size & 1));
        }
        return null;
    }

    /// <summary>
    /// What <see cref="AudioProbe"/> reports for the file, when <paramref name="head"/> is a WAV whose data runs exactly to
    /// the end of its <paramref name="fileLength"/> bytes; like the probe, throws <see cref="AudioRejectedException"/> for implausibly short audio.
    /// </summary>
    public static AudioInfo? Describe(ReadOnlySpan<byte> head, long fileLength)
    {
        if (TryParse(head) is not { } wav) return null;
        var end = wav.DataOffset + wav.DataBytes;
        if (wav.DataBytes < wav.BlockAlign || wav.DataBytes % wav.BlockAlign != 0 || (fileLength != end && fileLength != end + (wav.DataBytes & 1))) return null;
        var seconds = (double)(wav.DataBytes / wav.BlockAlign) / wav.SampleRate;
        AudioPlausibility.Check(seconds, wav.DataBytes, fileLength);
        return new AudioInfo("wav", wav.Codec, seconds, wav.SampleRate, wav.Channels, (long)wav.SampleRate * wav.BlockAlign * 8);
    }

    private static WavLayout? ParseFormat(ReadOnlySpan<byte> fmt)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40) return null;
            if (BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]) != bits) return null; // valid bits differ from the container: leave it to ffprobe
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]); // the sub-format GUID starts with the plain format tag
            if (!fmt.Slice(26, 14).SequenceEqual(KsDataFormatGuidTail)) return null;
        }
        var codec = (tag, bits) switch
        {
            (FormatPcm, 8) => "pcm_u8",
            (FormatPcm, 16) => "pcm_s16le",
            (FormatPcm, 24) => "pcm_s24le",
            (FormatPcm, 32) => "pcm_s32le",
            (FormatFloat, 32) => "pcm_f32le",
            (FormatFloat, 64) => "pcm_f64le",
            _ => null,
        };
        if (codec is null || channels is < 1 or > 64 || sampleRate is < 1 or > 1_000_000) return null;
        if (blockAlign != channels * bits / 8 || byteRate != sampleRate * (uint)blockAlign) return null;
        return new WavLayout(codec, channels, (int)sampleRate, blockAlign, 0, 0);
    }

    /// <summary>KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT after their first two bytes: 0000-0010-8000-00aa00389b71.</summary>
    private static ReadOnlySpan<byte> KsDataFormatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
}

/// <summary>A PCM WAV's format and where its samples are: <see cref="DataBytes"/> from <see cref="DataOffset"/> as the header says.</summary>
public sealed record WavLayout(string Codec, int Channels, int SampleRate, int BlockAlign, long DataOffset, long DataBytes);
