namespace Dashboard.Tests.Api;

/// <summary>
/// Compares two schema descriptions (lines that start with their table's name) table by table, so that a failure
/// names what to fix: a table no script creates, a table the EF model lacks, or the lines of a table that differ.
/// </summary>
public static class SchemaComparison
{
    public static void AssertSame(IReadOnlyList<string> efModel, IReadOnlyList<string> migrated, string provider)
    {
        var expected = ByTable(efModel);
        var actual = ByTable(migrated);
        var problems = new List<string>();
        foreach (var table in expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal))
            problems.Add($"Table {table} is in the EF model but no {provider}_NNNN script creates it.");
        foreach (var table in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
            problems.Add($"Table {table} is created by the {provider} scripts but is not in the EF model.");
        foreach (var table in expected.Keys.Intersect(actual.Keys).Order(StringComparer.Ordinal))
        {
            var missing = expected[table].Except(actual[table]).ToList();
            var extra = actual[table].Except(expected[table]).ToList();
            if (missing.Count + extra.Count == 0) continue;
            problems.Add($"Table {table} differs between the EF model and the {provider} scripts:"
                + string.Concat(missing.Select(l => $"\n    EF model only: {l}"))
                + string.Concat(extra.Select(l => $"\n    scripts only:  {l}")));
        }
        if (problems.Count > 0) Assert.Fail(string.Join("\n", problems));
    }

    private static Dictionary<string, List<string>> ByTable(IEnumerable<string> description) =>
        description.GroupBy(line => line.Split(' ')[0]).ToDictionary(g => g.Key, g => g.ToList());
}
