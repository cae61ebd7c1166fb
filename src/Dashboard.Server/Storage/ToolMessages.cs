using System.Text.RegularExpressions;

namespace Dashboard.Server.Storage;

/// <summary>What an external tool said, fit to show a client: file paths (our staging and work folders) taken out.</summary>
public static partial class ToolMessages
{
    /// <summary>How a tool is told which file to open: by the file protocol only, whatever characters the path holds.</summary>
    public static string Input(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>The first (or last) line of <paramref name="standardError"/>, without paths or ffmpeg's "[demuxer @ 0x…]" prefix.</summary>
    public static string? Reason(string standardError, bool last = false)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = last ? lines.LastOrDefault() : lines.FirstOrDefault();
        if (line is null) return null;
        var cleaned = FilePath().Replace(ContextPrefix().Replace(line, ""), "the file").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"(?<=^|[\s'""(])(?:file:)?/[^\s'""]*")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"^\[[^\]]* @ 0x[0-9a-f]+\]\s*")]
    private static partial Regex ContextPrefix();
}
