using System.IO.Compression;
using Dashboard.Server.Errors;
using Dashboard.Shared.Errors;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data.Archives;

/// <summary>
/// What makes a ZIP archive refused as a whole before anything is unpacked: too many entries, too many bytes once
/// unpacked, an entry over the per-file limit or packed like a zip bomb, and names that climb out (`..`) or are absolute.
/// </summary>
public static class ArchiveEntryRules
{
    public static readonly string[] AudioExtensions = [".mp3", ".wav", ".flac", ".m4a", ".aac", ".ogg"];
    public const string ManifestName = "trans.txt";

    /// <summary>Below this size an entry's compression ratio says nothing (a short repetitive transcript packs well).</summary>
    private const long RatioCheckedFromBytes = 1024 * 1024;

    public static ApiException Refused(string archiveName, string problem, Dictionary<string, object?>? details = null) =>
        ApiErrors.InvalidArchive(archiveName, problem, details);

    public static void CheckAll(IReadOnlyCollection<ZipArchiveEntry> entries, StorageOptions limits, string archiveName)
    {
        if (entries.Count > limits.MaxArchiveEntries)
            throw Refused(archiveName, $"has {entries.Count} entries; an archive may hold at most {limits.MaxArchiveEntries}.");
        long total = 0;
        foreach (var entry in entries)
        {
            CheckName(entry.FullName, archiveName);
            if (entry.Length > limits.MaxArchiveEntryBytes)
                throw Refused(archiveName, $"{entry.FullName} unpacks to {Megabytes(entry.Length)} MB; the limit per file is {limits.MaxArchiveEntryMegabytes} MB.", Entry(entry));
            if (entry.Length >= RatioCheckedFromBytes && entry.Length > (long)limits.MaxArchiveCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw Refused(archiveName, $"{entry.FullName} is compressed {entry.Length / Math.Max(1, entry.CompressedLength)}:1, " +
                    $"more than the {limits.MaxArchiveCompressionRatio}:1 that audio or text can be; this looks like a zip bomb.", Entry(entry));
            total += entry.Length;
            if (total > limits.MaxArchiveUncompressedBytes)
                throw Refused(archiveName, $"unpacks to more than {limits.MaxArchiveUncompressedMegabytes} MB, the limit for one archive; split it.");
        }
    }

    /// <summary>Entry names are only used to pair files (nothing is written under them), but a hostile name refuses the archive.</summary>
    public static void CheckName(string name, string archiveName)
    {
        var unsafeName = name.Length == 0 || name.Any(char.IsControl) || name[0] is '/' or '\\'
            || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
            || name.Split('/', '\\').Any(segment => segment == "..");
        if (unsafeName)
            throw Refused(archiveName, $"contains the entry name '{Printable(name)}', which is absolute or climbs out of the archive with '..'; such archives are refused.",
                new() { ["entry"] = Printable(name) });
    }

    /// <summary>Folders and the files macOS and Windows add on their own are not data.</summary>
    public static bool IsNoise(ZipArchiveEntry entry)
    {
        var name = entry.Name;
        return name.Length == 0 || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.StartsWith("._", StringComparison.Ordinal)
            || name is ".DS_Store" or "Thumbs.db" or "desktop.ini";
    }

    public static bool IsAudio(string name) => AudioExtensions.Contains(Path.GetExtension(name).ToLowerInvariant());

    public static bool IsTranscript(string name) => Path.GetExtension(name).Equals(".txt", StringComparison.OrdinalIgnoreCase);

    public static bool IsManifest(string name) => Path.GetFileName(name).Equals(ManifestName, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, object?> Entry(ZipArchiveEntry entry) => new()
    {
        ["entry"] = entry.FullName, ["uncompressed_bytes"] = entry.Length, ["compressed_bytes"] = entry.CompressedLength,
    };

    private static long Megabytes(long bytes) => (bytes + 1024 * 1024 - 1) / (1024 * 1024);

    private static string Printable(string name) => new(name.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());
}
