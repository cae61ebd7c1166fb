using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// The start of every encrypted blob: magic "DBLB", format 1, the key id, the segment size, a random salt and nonce prefix.
/// Layout after it: segments of up to <see cref="SegmentSize"/> plaintext bytes, each AES-256-GCM ciphertext + 16-byte tag,
/// under a per-blob key HKDF(master key, salt, header). Segment i has nonce = prefix ‖ i (big-endian) and associated data
/// i ‖ final-flag, so segments cannot be reordered, dropped, or the blob cut at a segment boundary unnoticed.
/// </summary>
public sealed class BlobHeader
{
    public const int DefaultSegmentSize = 64 * 1024;
    public const int TagSize = 16;
    private const int SaltSize = 32;
    private const int PrefixSize = 8;
    private const int MaxKeyIdLength = 64;
    private static readonly byte[] Magic = "DBLB"u8.ToArray();
    private const byte Format = 1;

    private BlobHeader(string keyId, int segmentSize, byte[] salt, byte[] noncePrefix, byte[] bytes) =>
        (KeyId, SegmentSize, Salt, NoncePrefix, Bytes) = (keyId, segmentSize, salt, noncePrefix, bytes);

    public string KeyId { get; }
    public int SegmentSize { get; }
    public byte[] Salt { get; }
    public byte[] NoncePrefix { get; }
    public byte[] Bytes { get; }
    public int Length => Bytes.Length;
    public int StoredSegmentSize => SegmentSize + TagSize;

    /// <summary>Enough bytes to hold any header: read this many from the start of a blob to parse it.</summary>
    public const int MaxLength = 4 + 1 + 1 + MaxKeyIdLength + 4 + SaltSize + PrefixSize;

    public static BlobHeader Create(string keyId, int segmentSize = DefaultSegmentSize)
    {
        var id = EncryptionKey.Ascii(keyId);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var prefix = RandomNumberGenerator.GetBytes(PrefixSize);
        var bytes = new byte[4 + 1 + 1 + id.Length + 4 + SaltSize + PrefixSize];
        Magic.CopyTo(bytes, 0);
        bytes[4] = Format;
        bytes[5] = (byte)id.Length;
        id.CopyTo(bytes, 6);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(6 + id.Length), segmentSize);
        salt.CopyTo(bytes, 10 + id.Length);
        prefix.CopyTo(bytes, 10 + id.Length + SaltSize);
        return new BlobHeader(keyId, segmentSize, salt, prefix, bytes);
    }

    public static bool HasMagic(ReadOnlySpan<byte> start) => start.Length >= Magic.Length && start[..Magic.Length].SequenceEqual(Magic);

    /// <summary>Parses the header at the start of <paramref name="start"/>; null if the bytes are not a blob header.</summary>
    public static BlobHeader? TryParse(ReadOnlySpan<byte> start)
    {
        if (start.Length < 6 || !HasMagic(start) || start[4] != Format) return null;
        var idLength = start[5];
        var length = 10 + idLength + SaltSize + PrefixSize;
        if (idLength is 0 or > MaxKeyIdLength || start.Length < length) return null;
        var segmentSize = BinaryPrimitives.ReadInt32BigEndian(start.Slice(6 + idLength));
        if (segmentSize is < 16 or > 16 * 1024 * 1024) return null;
        var keyId = System.Text.Encoding.ASCII.GetString(start.Slice(6, idLength));
        return new BlobHeader(keyId, segmentSize, start.Slice(10 + idLength, SaltSize).ToArray(),
            start.Slice(10 + idLength + SaltSize, PrefixSize).ToArray(), start[..length].ToArray());
    }

    public AesGcm CreateCipher(EncryptionKey key) => new(key.Derive(Salt, Bytes), TagSize);

    public void Nonce(long segment, Span<byte> nonce)
    {
        NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[PrefixSize..], checked((uint)segment));
    }

    public static void AssociatedData(long segment, bool final, Span<byte> data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(data, checked((uint)segment));
        data[4] = final ? (byte)1 : (byte)0;
    }

    /// <summary>The plaintext length of a blob of <paramref name="storedLength"/> bytes, or -1 if no valid blob has that length.</summary>
    public long PlaintextLength(long storedLength, out long segments)
    {
        var body = storedLength - Length;
        segments = body <= 0 ? 0 : (body + StoredSegmentSize - 1) / StoredSegmentSize;
        var last = body - (segments - 1) * StoredSegmentSize;
        return segments == 0 || last < TagSize ? -1 : body - segments * TagSize;
    }
}
