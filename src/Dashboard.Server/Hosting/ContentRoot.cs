using Dashboard.Server.Storage;

namespace Dashboard.Server.Hosting;

/// <summary>
/// Where the server reads appsettings.json and resolves relative paths from. `dotnet run` starts in the repository
/// root, which holds the operator's appsettings.json; a published folder carries its own copy, so
/// `dotnet out/Dashboard.Server.dll` started from any other folder reads that one and keeps ./data beside it.
/// </summary>
public static class ContentRoot
{
    private const string SettingsFile = "appsettings.json";

    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = Choose(args) };

    /// <summary>Storage:Root (default ./data) resolves against the content root, not the working directory.</summary>
    public static WebApplicationBuilder ResolveStorageRoot(this WebApplicationBuilder builder)
    {
        var key = $"{StorageOptions.Section}:Root";
        var root = builder.Configuration[key] ?? new StorageOptions().Root;
        builder.Configuration[key] = Path.GetFullPath(root, builder.Environment.ContentRootPath);
        return builder;
    }

    private static string? Choose(string[] args)
    {
        var chosenByOperator = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null;
        if (chosenByOperator || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile))) return null;
        return File.Exists(Path.Combine(AppContext.BaseDirectory, SettingsFile)) ? AppContext.BaseDirectory : null;
    }
}
