namespace Dashboard.Tests.Sphinx.Corpora;

/// <summary>
/// Sentence templates of one domain, written the way people type: casing, punctuation and numerals ("BP 140/90",
/// "3:15 pm", "ticket #4521"). A template fills its slots from a seeded <see cref="Random"/>.
/// </summary>
public sealed record DomainTemplates(string Name, string BaseModel, IReadOnlyList<Func<Random, string>> Templates)
{
    public static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    public static string Time(Random random) => $"{random.Next(1, 13)}:{random.Next(0, 4) * 15:00} {Pick(random, "am", "pm")}";

    public static IReadOnlyList<DomainTemplates> All => [Clinical.Templates, ItSupport.Templates, Legal.Templates];
}
