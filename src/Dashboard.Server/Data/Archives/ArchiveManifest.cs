using System.Text;

namespace Dashboard.Server.Data.Archives;

/// <summary>One line of trans.txt: an audio file of the archive and what is said in it.</summary>
public sealed record ManifestLine(int Number, string File, string Transcript);

/// <summary>trans.txt: `file&lt;TAB&gt;transcript` per line, UTF-8. A line without a TAB is reported, not guessed at.</summary>
public static class ArchiveManifest
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(List<ManifestLine> Lines, List<(int Number, string Problem)> Problems)> ReadAsync(string path, CancellationToken ct)
    {
        var lines = new List<ManifestLine>();
        var problems = new List<(int, string)>();
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } raw)
        {
            var line = ++number == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (line.Trim().Length == 0) continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) problems.Add((number, "has no TAB between the file name and the transcript"));
            else lines.Add(new ManifestLine(number, line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return (lines, problems);
    }

    /// <summary>A line names its audio file by path in the archive, by file name, or by file name without extension.</summary>
    public static IEnumerable<string> KeysOf(string entryFullName)
    {
        yield return entryFullName.ToLowerInvariant();
        yield return Path.GetFileName(entryFullName).ToLowerInvariant();
        yield return Path.GetFileNameWithoutExtension(entryFullName).ToLowerInvariant();
    }
}
