using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// The key ring file: every key ever made (old blobs may need any of them) and which one new blobs use.
/// Written atomically with owner-only permissions (0600, folder 0700).
/// </summary>
public static class KeyFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static (EncryptionKey Active, IReadOnlyList<EncryptionKey> All) Read(string path)
    {
        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            throw new EncryptionKeyException($"Encryption key file {path} is not valid JSON; restore it from your backup.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new EncryptionKeyException($"Encryption key file {path} cannot be read by this user.");
        }
        if (contents?.Keys is not { Count: > 0 } entries)
            throw new EncryptionKeyException($"Encryption key file {path} holds no keys; restore it from your backup.");
        var keys = new List<EncryptionKey>();
        foreach (var entry in entries)
        {
            if (!EncryptionKey.TryParse(entry.Key ?? "", out var key) || key.Id != entry.Id)
                throw new EncryptionKeyException($"Encryption key file {path}: key '{entry.Id}' is not the 32-byte key it names; restore the file from your backup.");
            keys.Add(key);
        }
        var active = keys.FirstOrDefault(k => k.Id == contents.Active)
            ?? throw new EncryptionKeyException($"Encryption key file {path}: the active key '{contents.Active}' is not in the file.");
        return (active, keys);
    }

    /// <summary>Adds a new key and makes it the active one; returns it.</summary>
    public static EncryptionKey AddKey(string path, IReadOnlyList<EncryptionKey> existing)
    {
        var key = EncryptionKey.Generate();
        var entries = existing.Select(k => new Entry(k.Id, k.ToBase64())).Append(new Entry(key.Id, key.ToBase64())).ToList();
        Write(path, new Contents(key.Id, entries));
        return key;
    }

    private static void Write(string path, Contents contents)
    {
        var folder = Path.GetDirectoryName(path)!;
        OwnerOnly.CreateFolder(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = OwnerOnly.CreateFile(temporary))
            JsonSerializer.Serialize(stream, contents, Json);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Contents(string Active, List<Entry> Keys);

    private sealed record Entry(string Id, [property: JsonPropertyName("key")] string? Key);
}
