using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Data;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required] public string Root { get; set; } = "./data";
    [Range(1, 1_000_000)] public long MaxUploadMegabytes { get; set; } = 2048;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024 * 1024;
}
