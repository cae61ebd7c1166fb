using System.Reflection;

namespace Dashboard.Tests.Conventions;

/// <summary>
/// Every test class says what it needs (xunit 2 has no assembly-wide trait), so `--filter Category=unit` runs the
/// quick tests alone and a new class cannot slip into the fast subset, or out of every subset, unnoticed.
/// </summary>
[Trait("Category", "unit")]
public sealed class TestCategoryTests
{
    private static readonly string[] Categories = ["unit", "api", "browser", "sphinx", "postgres"];

    [Fact]
    public void EveryTestClass_HasExactlyOneKnownCategory()
    {
        var wrong = typeof(TestCategoryTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
            .Select(t => (t.FullName, Categories: CategoriesOf(t)))
            .Where(c => c.Categories.Length != 1 || !Categories.Contains(c.Categories[0]))
            .Select(c => $"{c.FullName}: [{string.Join(", ", c.Categories)}]");

        Assert.Empty(wrong);
    }

    // TraitAttribute keeps its name and value only as constructor arguments.
    private static string[] CategoriesOf(Type type) => type.GetCustomAttributesData()
        .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Category")
        .Select(a => (string)a.ConstructorArguments[1].Value!)
        .ToArray();
}
