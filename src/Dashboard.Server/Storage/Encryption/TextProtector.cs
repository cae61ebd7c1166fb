using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// Encrypts short texts kept in database columns (training log lines quote transcripts) with AES-256-GCM under the key
/// ring: "enc1:" + base64(key id length ‖ key id ‖ 12-byte random nonce ‖ ciphertext ‖ tag), under a key derived from the
/// ring's key for this purpose only. Text without the prefix (written before encryption at rest) reads as it is.
/// </summary>
public sealed class TextProtector(KeyRing keys, IOptions<EncryptionOptions> options)
{
    public const string Prefix = "enc1:";
    private static readonly byte[] Purpose = "dashboard database text v1"u8.ToArray();
    private readonly ConcurrentDictionary<string, byte[]> derived = new();

    public string Protect(string text)
    {
        if (!options.Value.Enabled) return text;
        var key = keys.Active;
        var id = EncryptionKey.Ascii(key.Id);
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedText = new byte[1 + id.Length + 12 + plain.Length + BlobHeader.TagSize];
        sealedText[0] = (byte)id.Length;
        id.CopyTo(sealedText, 1);
        var nonce = sealedText.AsSpan(1 + id.Length, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DerivedKey(key), BlobHeader.TagSize);
        aes.Encrypt(nonce, plain, sealedText.AsSpan(1 + id.Length + 12, plain.Length), sealedText.AsSpan(sealedText.Length - BlobHeader.TagSize), id);
        return Prefix + Convert.ToBase64String(sealedText);
    }

    public string Unprotect(string stored)
    {
        if (!IsProtected(stored)) return stored;
        try
        {
            var bytes = Convert.FromBase64String(stored[Prefix.Length..]);
            var id = bytes.AsSpan(1, bytes[0]);
            var keyId = Encoding.ASCII.GetString(id);
            var key = keys.Find(keyId) ?? throw new BlobIntegrityException($"A stored text needs key {keyId}, which is not in the key ring ({keys.Source}).");
            var cipherStart = 1 + id.Length + 12;
            var plain = new byte[bytes.Length - cipherStart - BlobHeader.TagSize];
            using var aes = new AesGcm(DerivedKey(key), BlobHeader.TagSize);
            aes.Decrypt(bytes.AsSpan(1 + id.Length, 12), bytes.AsSpan(cipherStart, plain.Length), bytes.AsSpan(bytes.Length - BlobHeader.TagSize), plain, id);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            throw new BlobIntegrityException("A stored text failed authentication: it was altered in the database.", e);
        }
    }

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    private byte[] DerivedKey(EncryptionKey key) => derived.GetOrAdd(key.Id, _ => key.Derive([], Purpose));
}
