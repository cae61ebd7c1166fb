using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Conventions;

/// <summary>
/// Which feature folders of Dashboard.Server use which others, read from the source: a file of feature A uses B when it
/// imports Dashboard.Server.B, or names a type that B defines as B.Type (from inside the Dashboard.Server namespace).
/// </summary>
public static partial class FeatureDependencies
{
    private static string ServerFolder => Path.Combine(Repository.Root, "src", "Dashboard.Server");

    public static IReadOnlyList<string> Features() => Directory.GetDirectories(ServerFolder)
        .Select(Path.GetFileName).OfType<string>()
        .Where(name => name is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(ServerFolder, name), "*.cs", SearchOption.AllDirectories).Any())
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Every (from, to) pair, sorted.</summary>
    public static IReadOnlyList<(string From, string To)> Edges()
    {
        var features = Features();
        var typesOf = features.ToDictionary(f => f, f => SourcesOf(f).SelectMany(s => TypeDeclaration().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet());
        var edges = new SortedSet<(string, string)>();
        foreach (var from in features)
        {
            foreach (var source in SourcesOf(from).Select(WithoutCommentsAndStrings))
            {
                foreach (var to in features.Where(to => to != from && Uses(source, to, typesOf[to]))) edges.Add((from, to));
            }
        }
        return edges.ToList();
    }

    /// <summary>A mermaid flowchart of the features and their dependencies.</summary>
    public static string Mermaid()
    {
        var lines = new List<string> { "```mermaid", "flowchart LR" };
        lines.AddRange(Edges().Select(e => $"    {e.From} --> {e.To}"));
        lines.Add("```");
        return string.Join('\n', lines);
    }

    private static bool Uses(string source, string feature, HashSet<string> featureTypes) =>
        source.Contains($"using Dashboard.Server.{feature};", StringComparison.Ordinal)
        || source.Contains($"using Dashboard.Server.{feature}.", StringComparison.Ordinal)
        || source.Contains($"Dashboard.Server.{feature}.", StringComparison.Ordinal)
        || Regex.Matches(source, $@"(?<![\w.]){feature}\.(?:\w+\.)*?([A-Z]\w*)").Any(m => featureTypes.Contains(m.Groups[1].Value));

    private static IEnumerable<string> SourcesOf(string feature) =>
        Directory.EnumerateFiles(Path.Combine(ServerFolder, feature), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText);

    private static string WithoutCommentsAndStrings(string source) => CommentOrString().Replace(source, " ");

    [GeneratedRegex(@"\b(?:class|record|interface|struct|enum)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
