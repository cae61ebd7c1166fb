using System.Collections;
using System.Globalization;
using System.Reflection;
using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Outbound;
using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Server.Speech;
using Dashboard.Server.Training;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Deployment;

/// <summary>
/// The repository root's appsettings.json is what operators run (and what the published folder carries): every value in
/// it equals the code default of its options class, which is what the bench measured. A file that says otherwise makes
/// the published figures untrue for operators.
/// </summary>
[Trait("Category", "unit")]
public sealed class ShippedSettingsTests
{
    /// <summary>Each section of the file and the options class the server binds it to.</summary>
    private static readonly Dictionary<string, Type> OptionsBySection = new()
    {
        [StorageOptions.Section] = typeof(StorageOptions),
        [DatabaseOptions.Section] = typeof(DatabaseOptions),
        [ClusterOptions.Section] = typeof(ClusterOptions),
        [TrainingOptions.Section] = typeof(TrainingOptions),
        [SphinxOptions.Section] = typeof(SphinxOptions),
        [PrivacyOptions.Section] = typeof(PrivacyOptions),
        [PricingOptions.Section] = typeof(PricingOptions),
        [RateLimitOptions.Section] = typeof(RateLimitOptions),
        [ToolOptions.Section] = typeof(ToolOptions),
        [OutboundOptions.Section] = typeof(OutboundOptions),
        [DeliveryOptions.Section] = typeof(DeliveryOptions),
    };

    /// <summary>Framework sections with no options class of ours; ConnectionStrings:Dashboard empty means "SQLite under Storage:Root".</summary>
    private static readonly HashSet<string> FrameworkSections = ["Logging", "AllowedHosts", "ConnectionStrings"];

    private static IConfigurationRoot ShippedFile() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(Repository.Root, "appsettings.json"), optional: false).Build();

    [Fact]
    public void EveryShippedValue_EqualsItsOptionsDefault()
    {
        var differences = new List<string>();
        foreach (var section in ShippedFile().GetChildren())
        {
            if (FrameworkSections.Contains(section.Key)) continue;
            Assert.True(OptionsBySection.TryGetValue(section.Key, out var type), $"appsettings.json has a section '{section.Key}' that this test does not know: map it to its options class.");
            var shipped = Activator.CreateInstance(type)!;
            section.Bind(shipped, o => o.ErrorOnUnknownConfiguration = true); // a misspelt key fails here, naming it
            Compare(section.Key, Activator.CreateInstance(type)!, shipped, differences);
        }
        Assert.True(differences.Count == 0, "appsettings.json differs from the code defaults:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void TheShippedEngine_IsTheRealOne()
    {
        Assert.Equal("sphinx", ShippedFile()["Training:Engine"]);
        Assert.Equal("sphinx", new TrainingOptions().Engine);
    }

    [Fact]
    public void TheComparison_NamesTheKeyThatDiffers()
    {
        var differences = new List<string>();
        var file = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sphinx:TuningSeconds"] = "120",
            ["Sphinx:DomainWeight"] = "0.9",
        }).Build().GetSection("Sphinx");
        var shipped = new SphinxOptions();
        file.Bind(shipped);

        Compare("Sphinx", new SphinxOptions(), shipped, differences);

        Assert.Equal(["Sphinx:TuningSeconds: the file says 120, the code default is 180"], differences);
    }

    private static void Compare(string path, object expected, object actual, List<string> differences)
    {
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            var key = $"{path}:{property.Name}";
            var (want, got) = (property.GetValue(expected), property.GetValue(actual));
            if (want is IDictionary wantMap && got is IDictionary gotMap)
            {
                foreach (var name in wantMap.Keys.Cast<object>().Concat(gotMap.Keys.Cast<object>()).Select(k => k.ToString()!).Distinct())
                    Report($"{key}:{name}", wantMap.Contains(name) ? wantMap[name] : null, gotMap.Contains(name) ? gotMap[name] : null, differences);
            }
            else if (want is IEnumerable wantList and not string && got is IEnumerable gotList)
                Report(key, Text(wantList), Text(gotList), differences);
            else if (want is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string))
                Compare(key, want, got!, differences);
            else Report(key, want, got, differences);
        }
    }

    private static string Text(IEnumerable values) => "[" + string.Join(", ", values.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "]";

    private static void Report(string key, object? want, object? got, List<string> differences)
    {
        if (Equals(want, got)) return;
        differences.Add($"{key}: the file says {Convert.ToString(got, CultureInfo.InvariantCulture) ?? "nothing"}, the code default is {Convert.ToString(want, CultureInfo.InvariantCulture) ?? "nothing"}");
    }
}
