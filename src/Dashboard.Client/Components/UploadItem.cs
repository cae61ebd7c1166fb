using Dashboard.Shared.Data;

namespace Dashboard.Client.Components;

/// <summary>One audio + transcript pair (or a file that could not be paired) in the upload list; filled in from dashboard.js.</summary>
public sealed class UploadItem
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Audio { get; set; }
    public string? Transcript { get; set; }
    public long Bytes { get; set; }
    public string? Error { get; set; }
    public int Percent { get; set; }
    public bool Finished { get; set; }
    public string? Warning { get; set; }
    /// <summary>For a ZIP archive: the audio files stored, and the files rejected with the reason.</summary>
    public IReadOnlyList<string> Accepted { get; set; } = [];
    public IReadOnlyList<RejectedPairDto> Rejected { get; set; } = [];

    public string State => Error is not null ? "error" : Finished ? "done" : Percent > 0 ? "uploading" : "waiting";
}
