namespace Dashboard.Server.Storage.Encryption;

/// <summary>Builds the key ring from configuration: Encryption:Key (+ PreviousKeys), or the key file, made on first start.</summary>
public static class KeyRingLoader
{
    public static KeyRing Load(EncryptionOptions options, string storageRoot, LocalBlobStorage storage)
    {
        if (!options.Enabled) return KeyRing.Disabled;
        if (options.KeyFromConfiguration)
            return KeyRing.FromConfiguration(options.ConfiguredKeys.Select(k => EncryptionKey.TryParse(k, out var key) ? key
                : throw new EncryptionKeyException("Encryption:Key must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).")));
        var path = options.KeyFilePath(Path.GetFullPath(storageRoot));
        if (File.Exists(path)) return KeyRing.FromFile(path);
        if (HoldsEncryptedBlobs(storage))
            throw new EncryptionKeyException($"Encryption key file {path} is missing, but the storage holds encrypted data: restore the key file from your backup (or point Encryption:KeyFile at it).");
        KeyFile.AddKey(path, []);
        return KeyRing.FromFile(path);
    }

    private static bool HoldsEncryptedBlobs(LocalBlobStorage storage)
    {
        Span<byte> start = stackalloc byte[4];
        foreach (var key in storage.List(""))
        {
            using var stream = storage.OpenUnbuffered(key);
            if (BlobHeader.HasMagic(start[..stream.ReadAtLeast(start, 4, throwOnEndOfStream: false)])) return true;
        }
        return false;
    }
}
