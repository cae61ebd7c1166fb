using Dashboard.Tests.Infrastructure;
using System.IO.Compression;

namespace Dashboard.Tests.DataInputs;

/// <summary>ZIP archives as a user would make them (real audio files inside), and hostile ones, written with System.IO.Compression.</summary>
public sealed class ArchiveFiles
{
    private readonly List<(string Name, Func<Task<byte[]>> Content, CompressionLevel Level)> entries = [];

    public ArchiveFiles File(string name, string path, CompressionLevel level = CompressionLevel.Optimal)
    {
        entries.Add((name, () => System.IO.File.ReadAllBytesAsync(path), level));
        return this;
    }

    public ArchiveFiles Text(string name, string text)
    {
        entries.Add((name, () => Task.FromResult(System.Text.Encoding.UTF8.GetBytes(text)), CompressionLevel.Optimal));
        return this;
    }

    public ArchiveFiles Bytes(string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        entries.Add((name, () => Task.FromResult(content), level));
        return this;
    }

    /// <summary>Writes the archive to a temp file and returns its path.</summary>
    public async Task<string> WriteAsync()
    {
        var path = Path.Combine(TestTemp.Root, $"archive-{Guid.NewGuid():N}.zip");
        await using var file = System.IO.File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, content, level) in entries)
        {
            await using var stream = zip.CreateEntry(name, level).Open();
            await stream.WriteAsync(await content());
        }
        return path;
    }

    /// <summary>Random bytes: what compressed audio looks like to a ZIP compressor (it barely shrinks).</summary>
    public static byte[] Incompressible(int bytes)
    {
        var content = new byte[bytes];
        Random.Shared.NextBytes(content);
        return content;
    }
}
