using Dashboard.Server.Storage;
namespace Dashboard.Server.Data;

/// <summary>What a client sent for one data upload (a pair, a text file or a ZIP archive), staged on disk and not yet accepted.</summary>
public sealed class UploadedPair : IDisposable
{
    public string? Type { get; set; }
    public StagedFile? Audio { get; set; }
    public string AudioFileName { get; set; } = "audio_file";
    public StagedFile? Transcript { get; set; }
    public string TranscriptFileName { get; set; } = "transcript_file";
    public StagedFile? Text { get; set; }
    public string TextFileName { get; set; } = "text_file";
    public StagedFile? Archive { get; set; }
    public string ArchiveFileName { get; set; } = "archive_file";

    public void Dispose()
    {
        Audio?.Dispose();
        Transcript?.Dispose();
        Text?.Dispose();
        Archive?.Dispose();
    }

    /// <summary>Client file names are kept for display only: reduced to a bare, printable name.</summary>
    public static string DisplayName(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 255) name = name[..255];
        return name is "" or "." or ".." ? fallback : name;
    }
}
