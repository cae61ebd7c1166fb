namespace Dashboard.Shared;

/// <summary>
/// The REST API's version prefix, written once: the server maps every feature's endpoints in one group under it, and
/// the pages build their download and upload links from it.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v3";

    /// <summary>The custom models' resource; the data, training, versions and evaluation routes extend a model's.</summary>
    public const string CustomModels = "/custom_models";

    /// <summary>A model's status check, where a started run is followed (the Location of the 202).</summary>
    public static string CustomModel(int id) => $"{Prefix}{CustomModels}/{id}";

    /// <summary>A path under the prefix, relative to the page's base address (for links in the dashboard).</summary>
    public static string Relative(string path) => Prefix[1..] + path;
}
