namespace Dashboard.Server.Storage.Encryption;

/// <summary>What the blob folder holds, by the key each blob names in its header (plaintext blobs apart).</summary>
public sealed record BlobInventory(IReadOnlyDictionary<string, int> ByKeyId, IReadOnlyList<string> Plaintext)
{
    public int Encrypted => ByKeyId.Values.Sum();

    public static BlobInventory Take(LocalBlobStorage storage, EncryptedBlobStorage blobs)
    {
        var byKeyId = new Dictionary<string, int>(StringComparer.Ordinal);
        var plaintext = new List<string>();
        foreach (var key in storage.List(""))
        {
            if (blobs.KeyIdOf(key) is { } id) byKeyId[id] = byKeyId.GetValueOrDefault(id) + 1;
            else plaintext.Add(key);
        }
        return new BlobInventory(byKeyId, plaintext);
    }
}
