namespace Dashboard.Server.Data;

/// <summary>What a client sent for one data upload, staged on disk and not yet accepted.</summary>
public sealed class UploadedPair : IDisposable
{
    public string? Type { get; set; }
    public StagedFile? Audio { get; set; }
    public string AudioFileName { get; set; } = "audio_file";
    public StagedFile? Transcript { get; set; }
    public string TranscriptFileName { get; set; } = "transcript_file";

    public void Dispose()
    {
        Audio?.Dispose();
        Transcript?.Dispose();
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
