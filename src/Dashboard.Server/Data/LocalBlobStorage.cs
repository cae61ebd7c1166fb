using Dashboard.Server.Errors;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data;

/// <summary>Blobs as files under Storage:Root/blobs; staging under Storage:Root/staging on the same volume, so commit is a rename.</summary>
public sealed class LocalBlobStorage : IBlobStorage
{
    private readonly string blobRoot;
    private readonly string stagingRoot;
    private readonly string scratchRoot;

    public LocalBlobStorage(IOptions<StorageOptions> options)
    {
        var root = Path.GetFullPath(options.Value.Root);
        blobRoot = Directory.CreateDirectory(Path.Combine(root, "blobs")).FullName;
        stagingRoot = Directory.CreateDirectory(Path.Combine(root, "staging")).FullName;
        scratchRoot = Directory.CreateDirectory(Path.Combine(root, "scratch")).FullName;
    }

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var path = Path.Combine(stagingRoot, Guid.NewGuid().ToString("N"));
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
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

    public Task CommitAsync(StagedFile staged, string key, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.LocalPath, target, overwrite: false);
        return Task.CompletedTask;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public async Task CopyToFileAsync(string key, string path, CancellationToken ct)
    {
        await using var source = OpenRead(key);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, ct);
    }

    public async Task WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        await using (var file = File.Create(temporary)) await content.CopyToAsync(file, ct);
        File.Move(temporary, target, overwrite: true);
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    public void DeleteFolder(string prefix)
    {
        var folder = PathOf(prefix);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    public ScratchFolder CreateScratchFolder() =>
        new(Directory.CreateDirectory(Path.Combine(scratchRoot, Guid.NewGuid().ToString("N"))).FullName);

    public IEnumerable<string> List(string prefix)
    {
        var folder = PathOf(prefix);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(blobRoot, f).Replace(Path.DirectorySeparatorChar, '/'));
    }

    public int RemoveLeftovers()
    {
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(stagingRoot).Concat(Directory.EnumerateFileSystemEntries(scratchRoot)))
        {
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
            removed++;
        }
        foreach (var partial in Directory.EnumerateFiles(blobRoot, "*.partial", SearchOption.AllDirectories))
        {
            File.Delete(partial);
            removed++;
        }
        return removed;
    }

    /// <summary>Keys are made by the server (never from client file names); this guards against a bad one anyway.</summary>
    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(blobRoot, key));
        if (!full.StartsWith(blobRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' leaves the storage root.", nameof(key));
        return full;
    }
}
