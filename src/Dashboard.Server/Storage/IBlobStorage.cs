namespace Dashboard.Server.Storage;

/// <summary>A file received but not yet accepted: it lives in a staging area until committed or discarded.</summary>
public sealed record StagedFile(string LocalPath, long Length) : IDisposable
{
    /// <summary>The file's stored (encrypted) form, written in the same pass as <see cref="LocalPath"/>: committing it is a rename.</summary>
    public string? StoredFormPath { get; init; }

    /// <summary>How many of a file's first bytes staging keeps and shows the caller (a WAV header must fit in them).</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The first bytes (up to <see cref="HeadBytes"/>), kept when staged with <see cref="IBlobStorage.StageToKeepAsync"/>.</summary>
    public byte[]? Head { get; init; }

    public void Dispose()
    {
        File.Delete(LocalPath);
        if (StoredFormPath is not null) File.Delete(StoredFormPath);
    }
}

/// <summary>
/// Every read and write of stored audio and transcripts goes through here, so that encryption at rest
/// and shared storage for several nodes can be added in one place.
/// </summary>
public interface IBlobStorage
{
    /// <summary>Streams <paramref name="content"/> to a staging file; throws 413 past <paramref name="maxBytes"/>.</summary>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct);

    /// <summary>
    /// Like <see cref="StageAsync"/> for a file that is meant to be kept: where blobs are stored in another form (encrypted),
    /// that form is written in the same pass from <paramref name="content"/>, so that committing it is a rename; and when
    /// <paramref name="needsWorkingCopy"/> says of the file's first bytes that no tool will read it, the plaintext
    /// working copy is not written at all (<see cref="WorkingCopyAsync"/> makes it if it is wanted after all).
    /// </summary>
    Task<StagedFile> StageToKeepAsync(Stream content, long maxBytes, Func<ReadOnlyMemory<byte>, bool> needsWorkingCopy, CancellationToken ct);

    /// <summary>The path of the staged file's plaintext for tools such as ffprobe, written from its stored form if it was staged without one.</summary>
    Task<string> WorkingCopyAsync(StagedFile staged, CancellationToken ct);

    /// <summary>Moves a staged file to its permanent key; the staged file is gone afterwards.</summary>
    Task CommitAsync(StagedFile staged, string key, CancellationToken ct);

    Stream OpenRead(string key);

    /// <summary>Writes a stored blob to a plain working file, for tools that need a path (ffmpeg, PocketSphinx).</summary>
    Task CopyToFileAsync(string key, string path, CancellationToken ct);

    Task WriteAsync(string key, Stream content, CancellationToken ct);

    /// <summary>A second blob <paramref name="targetKey"/> with the content of <paramref name="sourceKey"/>; each can be deleted without the other.</summary>
    Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct);

    bool Exists(string key);

    void Delete(string key);

    /// <summary>Deletes every blob whose key starts with <paramref name="prefix"/> followed by '/'.</summary>
    void DeleteFolder(string prefix);

    /// <summary>A scratch folder for one piece of work, removed when disposed.</summary>
    ScratchFolder CreateScratchFolder();

    /// <summary>Keys of every blob under <paramref name="prefix"/>/ (every blob for ""), writes in progress excluded.</summary>
    IEnumerable<string> List(string prefix);

    /// <summary>
    /// Removes what a crash left (staged uploads, scratch folders, partial writes) untouched for
    /// <paramref name="olderThan"/>; returns how many. Called at start-up, before anything else uses storage.
    /// </summary>
    int RemoveLeftovers(TimeSpan olderThan);
}

public sealed class ScratchFolder(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
