using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// One AES-256 key. Its id is a fingerprint of the key itself (HMAC, not reversible), so a blob names the key it needs
/// and a wrong configured key is recognized by its id alone, before anything is decrypted.
/// </summary>
public sealed class EncryptionKey
{
    public const int Size = 32;

    private EncryptionKey(byte[] material)
    {
        Material = material;
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(material, "dashboard key id"u8)[..8]);
    }

    public string Id { get; }

    public byte[] Material { get; }

    public static EncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    public static bool TryParse(string base64, out EncryptionKey key)
    {
        key = null!;
        var bytes = new byte[Size + 1];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var written) || written != Size) return false;
        key = new EncryptionKey(bytes[..Size]);
        return true;
    }

    public string ToBase64() => Convert.ToBase64String(Material);

    /// <summary>A key for one purpose (a blob, the database's text columns) derived from this key with HKDF-SHA256.</summary>
    public byte[] Derive(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        var output = new byte[Size];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Material, output, salt, info);
        return output;
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
