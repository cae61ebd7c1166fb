using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Errors;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Storage;

/// <summary>
/// Blobs as files under Storage:Root/blobs, stored as given (<see cref="EncryptedBlobStorage"/> encrypts them first); staging
/// under Storage:Root/staging on the same volume, so a plain commit is a rename. Staging and scratch are owner-only (0700).
/// </summary>
public sealed class LocalBlobStorage : IBlobStorage
{
    private readonly string blobRoot;
    private readonly string stagingRoot;
    private readonly string scratchRoot;

    public LocalBlobStorage(IOptions<StorageOptions> options)
    {
        var root = Path.GetFullPath(options.Value.Root);
        blobRoot = OwnerOnly.CreateFolder(Path.Combine(root, "blobs")).FullName;
        stagingRoot = OwnerOnly.CreateFolder(Path.Combine(root, "staging")).FullName;
        scratchRoot = OwnerOnly.CreateFolder(Path.Combine(root, "scratch")).FullName;
    }

    /// <summary>A new file name in staging (owner-only, cleaned at start-up when a crash left it).</summary>
    public string NewStagingPath() => Path.Combine(stagingRoot, Guid.NewGuid().ToString("N"));

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var path = NewStagingPath();
        try
        {
            await using var target = OwnerOnly.CreateFile(path, useAsync: true);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) throw ApiErrors.PayloadTooLarge(maxBytes / (1024 * 1024));
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            return new StagedFile(path, total);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Blobs are stored as they are: the staged plaintext is their stored form and the tools' working copy.</summary>
    public Task<StagedFile> StageToKeepAsync(Stream content, long maxBytes, Func<ReadOnlyMemory<byte>, bool> needsWorkingCopy, CancellationToken ct) =>
        StageAsync(content, maxBytes, ct);

    public Task<string> WorkingCopyAsync(StagedFile staged, CancellationToken ct) => Task.FromResult(staged.LocalPath);

    public Task CommitAsync(StagedFile staged, string key, CancellationToken ct)
    {
        var target = PathOf(key);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(target)!);
        File.Move(staged.LocalPath, target, overwrite: false);
        return Task.CompletedTask;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>For readers that read whole segments or a header at known offsets: no read-ahead buffer to fill and throw away.</summary>
    public Stream OpenUnbuffered(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, useAsync: true);

    public async Task CopyToFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = OpenRead(key);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, ct);
    }

    public async Task WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        OwnerOnly.CreateFolder(Path.GetDirectoryName(target)!);
        var temporary = await WriteTemporaryAsync(target, content, ct);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Like <see cref="WriteAsync"/> for a blob that exists; if it was deleted meanwhile, it stays deleted.</summary>
    public async Task ReplaceAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        var temporary = await WriteTemporaryAsync(target, content, ct);
        try
        {
            File.Replace(temporary, target, destinationBackupFileName: null);
        }
        catch (FileNotFoundException)
        {
            File.Delete(temporary);
        }
    }

    private const string PartialSuffix = ".partial";

    private static async Task<string> WriteTemporaryAsync(string target, Stream content, CancellationToken ct)
    {
        var temporary = $"{target}.{Guid.NewGuid():N}{PartialSuffix}";
        try
        {
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>A hard link where the file system has them (no byte is copied); blobs are only ever replaced by a rename, never written in place.</summary>
    public async Task CopyAsync(string sourceKey, string targetKey, CancellationToken ct)
    {
        var (source, target) = (PathOf(sourceKey), PathOf(targetKey));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (NativeFiles.TryHardLink(source, target)) return;
        await using var content = OpenRead(sourceKey);
        await WriteAsync(targetKey, content, ct);
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    public void DeleteFolder(string prefix)
    {
        var folder = PathOf(prefix);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    public ScratchFolder CreateScratchFolder() =>
        new(OwnerOnly.CreateFolder(Path.Combine(scratchRoot, Guid.NewGuid().ToString("N"))).FullName);

    public IEnumerable<string> List(string prefix)
    {
        var folder = prefix.Length == 0 ? blobRoot : PathOf(prefix);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(PartialSuffix, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(blobRoot, f).Replace(Path.DirectorySeparatorChar, '/'));
    }

    public int RemoveLeftovers(TimeSpan olderThan)
    {
        var before = DateTime.UtcNow - olderThan;
        var files = Directory.EnumerateFiles(stagingRoot)
            .Concat(Directory.EnumerateFiles(blobRoot, "*" + PartialSuffix, SearchOption.AllDirectories))
            .Where(f => File.GetLastWriteTimeUtc(f) <= before).ToList();
        files.ForEach(File.Delete);
        var folders = Directory.EnumerateDirectories(stagingRoot).Concat(Directory.EnumerateDirectories(scratchRoot))
            .Where(d => Directory.GetLastWriteTimeUtc(d) <= before).ToList();
        folders.ForEach(d => Directory.Delete(d, recursive: true));
        return files.Count + folders.Count;
    }

    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(blobRoot, key));
        if (!full.StartsWith(blobRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' leaves the storage root.", nameof(key));
        return full;
    }
}
