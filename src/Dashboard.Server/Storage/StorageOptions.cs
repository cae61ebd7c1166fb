using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required] public string Root { get; set; } = "./data";

    /// <summary>Storage:Root as configured, for code that runs before options can be resolved (while the host is built).</summary>
    public static string RootIn(IConfiguration configuration) => configuration[$"{Section}:Root"] ?? new StorageOptions().Root;
    [Range(1, 1_000_000)] public long MaxUploadMegabytes { get; set; } = 2048;

    /// <summary>Largest text data file (type=text).</summary>
    [Range(1, 10_000)] public long MaxTextMegabytes { get; set; } = 50;

    /// <summary>ZIP archives (archive_file): at most this many entries…</summary>
    [Range(1, 1_000_000)] public int MaxArchiveEntries { get; set; } = 5000;

    /// <summary>…this many megabytes once unpacked, all entries together…</summary>
    [Range(1, 10_000_000)] public long MaxArchiveUncompressedMegabytes { get; set; } = 20_480;

    /// <summary>…this many per entry…</summary>
    [Range(1, 1_000_000)] public long MaxArchiveEntryMegabytes { get; set; } = 2048;

    /// <summary>…and no entry packed tighter than this ratio (audio barely compresses; a zip bomb does, by thousands).</summary>
    [Range(2, 100_000)] public int MaxArchiveCompressionRatio { get; set; } = 100;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024 * 1024;
    public long MaxTextBytes => MaxTextMegabytes * 1024 * 1024;
    public long MaxArchiveUncompressedBytes => MaxArchiveUncompressedMegabytes * 1024 * 1024;
    public long MaxArchiveEntryBytes => MaxArchiveEntryMegabytes * 1024 * 1024;
}
