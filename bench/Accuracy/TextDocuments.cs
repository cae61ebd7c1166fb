using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Server.Storage;

namespace Dashboard.Bench.Accuracy;

/// <summary>One document of real text (a licence, a copyright file, a manual page) cut into speakable sentences.</summary>
public sealed record TextDocument(string Name, IReadOnlyList<string> Sentences);

/// <summary>
/// Real text written by people, as Debian ships it on this machine: licence and copyright texts (legal) and manual
/// pages (technical). Sentences are kept as written (casing, punctuation, numerals); only ones a person would read
/// aloud are kept: 6 to 30 words, no option flags, paths, addresses or markup.
/// </summary>
public static partial class TextDocuments
{
    private static readonly string[] ManSections = ["man1", "man5", "man8"];

    public static IReadOnlyList<TextDocument> Legal()
    {
        var licences = Directory.EnumerateFiles("/usr/share/common-licenses").Select(p => (Name: "common-licenses/" + Path.GetFileName(p), Path: p));
        var copyrights = Directory.EnumerateDirectories("/usr/share/doc").Select(d => (Name: Path.GetFileName(d) + "/copyright", Path: Path.Combine(d, "copyright")))
            .Where(d => File.Exists(d.Path));
        return Distinct(licences.Concat(copyrights).OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new TextDocument(d.Name, Sentences(WithoutCopyrightFields(File.ReadAllText(d.Path))))));
    }

    /// <summary>
    /// Manual pages of sections 1, 5 and 8 rendered by man(1); every <paramref name="stride"/>-th page, so the set is fixed
    /// for this machine's packages. The 16 000 generated pages of the Google Cloud SDK are left out: they would be most of it.
    /// </summary>
    public static async Task<IReadOnlyList<TextDocument>> TechnicalAsync(int stride = 3)
    {
        // Rendering takes a minute or two; the text is kept beside the binary for the next run on this machine.
        var cache = Path.Combine(AppContext.BaseDirectory, $"manpages-{stride}.json");
        if (File.Exists(cache)) return JsonSerializer.Deserialize<List<TextDocument>>(await File.ReadAllTextAsync(cache))!;
        var rendered = await RenderManPagesAsync(stride);
        await File.WriteAllTextAsync(cache, JsonSerializer.Serialize(rendered));
        return rendered;
    }

    private static async Task<List<TextDocument>> RenderManPagesAsync(int stride)
    {
        var pages = ManSections.SelectMany(s => Directory.EnumerateFiles(Path.Combine("/usr/share/man", s)))
            .Where(p => p.EndsWith(".gz", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("gcloud", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal).Where((_, i) => i % stride == 0).ToList();
        var documents = new TextDocument?[pages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var text = await RenderManPageAsync(pages[i], ct);
            documents[i] = text is null ? null : new TextDocument("man/" + Path.GetFileName(pages[i]), Sentences(WithoutHeadings(text)));
        });
        return Distinct(documents.OfType<TextDocument>());
    }

    private static async Task<string?> RenderManPageAsync(string path, CancellationToken ct)
    {
        if (new FileInfo(path).Length < 200) return null; // ".so" redirections to another page
        await using (var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
            if ((await reader.ReadLineAsync(ct))?.StartsWith(".so ", StringComparison.Ordinal) == true) return null;
        var result = await ProcessRunner.RunAsync("sh", ["-c", $"MANWIDTH=2000 man -l '{path}' 2>/dev/null | col -b"], TimeSpan.FromSeconds(60), ct);
        return result.StandardOutput;
    }

    /// <summary>Machine-readable copyright files (DEP-5): field lines ("Files: *", "License: GPL-2") go, a lone "." is a paragraph break.</summary>
    private static string WithoutCopyrightFields(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Trim() == "." || FieldLine().IsMatch(line) ? "" : line));

    /// <summary>Section headings of a rendered manual page ("DESCRIPTION", "SEE ALSO") start at the margin; they end a paragraph.</summary>
    private static string WithoutHeadings(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length > 0 && !char.IsWhiteSpace(line[0]) ? "" : line));

    /// <summary>Documents with the same text (a licence copied into several copyright files) count once; empty ones go.</summary>
    private static List<TextDocument> Distinct(IEnumerable<TextDocument> documents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return documents.Where(d => d.Sentences.Count > 0 && seen.Add(string.Join('\n', d.Sentences))).ToList();
    }

    /// <summary>Paragraphs are joined (line breaks inside them are layout), then cut after sentence-ending punctuation.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var paragraphs = BlankLines().Split(text.Replace("\r", ""));
        return paragraphs.Select(p => Spaces().Replace(p, " ").Trim())
            .SelectMany(p => SentenceEnd().Split(p))
            .Select(s => s.Trim())
            .Where(Speakable)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static bool Speakable(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 6 or > 30) return false;
        if (!char.IsUpper(sentence[0]) || !".!?".Contains(sentence[^1])) return false;
        if (Unspeakable().IsMatch(sentence)) return false;
        if (sentence.StartsWith("Copyright", StringComparison.Ordinal) || sentence.Contains(" . ", StringComparison.Ordinal)) return false;
        if (words.Any(w => w.StartsWith('-') || w.Contains("..", StringComparison.Ordinal) || w.Count(char.IsUpper) > 1 && w.Length > 1 && w.Any(char.IsLower))) return false;
        var letters = sentence.Count(char.IsLetter);
        return letters >= 0.75 * sentence.Count(c => !char.IsWhiteSpace(c)) && sentence.Count(char.IsUpper) <= 0.3 * letters;
    }

    [GeneratedRegex(@"[/\\<>@=_{}\[\]|~`#*^$%&+]|https?:|www\.|\.(com|org|net|html|txt|conf)\b|\b[a-z]+\.[a-z]+\(|\(\d\)|\b\w+\(\d?\)|""|''")]
    private static partial Regex Unspeakable();

    [GeneratedRegex(@"^[A-Z][A-Za-z-]*:( |$)")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}
