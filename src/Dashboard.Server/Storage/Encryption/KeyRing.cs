namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// The keys this process can use: the active one encrypts new data, all of them decrypt. With a key file, a change made
/// by `rotate-key` in another process is picked up (a new active key, or a key a re-encrypted blob needs).
/// </summary>
public sealed class KeyRing
{
    private readonly string? file;
    private readonly Lock gate = new();
    private DateTime fileTime;
    private DateTime nextCheck;
    private EncryptionKey? active;
    private Dictionary<string, EncryptionKey> keys = [];

    private KeyRing(string? file, string source) => (this.file, Source) = (file, source);

    /// <summary>Where the keys come from, for messages: the key file's path or "Encryption:Key".</summary>
    public string Source { get; }

    public bool IsFile => file is not null;

    public static KeyRing Disabled { get; } = new(null, "none (Encryption:Enabled=false)");

    public static KeyRing FromConfiguration(IEnumerable<EncryptionKey> configured)
    {
        var list = configured.ToList();
        return new KeyRing(null, "Encryption:Key") { active = list[0], keys = list.DistinctBy(k => k.Id).ToDictionary(k => k.Id) };
    }

    public static KeyRing FromFile(string path)
    {
        var ring = new KeyRing(path, path);
        ring.Reload();
        return ring;
    }

    public EncryptionKey Active
    {
        get
        {
            RefreshIfChanged();
            lock (gate) return active ?? throw new InvalidOperationException("Encryption is disabled.");
        }
    }

    public IReadOnlyCollection<EncryptionKey> All
    {
        get
        {
            lock (gate) return keys.Values.ToList();
        }
    }

    public EncryptionKey? Find(string id)
    {
        lock (gate)
            if (keys.TryGetValue(id, out var key)) return key;
        if (file is null) return null;
        Reload();
        lock (gate) return keys.GetValueOrDefault(id);
    }

    public void Reload()
    {
        if (file is null) return;
        var time = File.GetLastWriteTimeUtc(file);
        var (newActive, all) = KeyFile.Read(file);
        lock (gate)
        {
            (active, keys, fileTime) = (newActive, all.ToDictionary(k => k.Id), time);
        }
    }

    /// <summary>At most one look at the file's time per second: a stat, not a read.</summary>
    private void RefreshIfChanged()
    {
        if (file is null || DateTime.UtcNow < nextCheck) return;
        nextCheck = DateTime.UtcNow.AddSeconds(1);
        if (File.Exists(file) && File.GetLastWriteTimeUtc(file) != fileTime) Reload(); // a file removed under a running server: keep the keys held
    }
}
