namespace Dashboard.Shared;

/// <summary>
/// The REST API's version prefix, written once: the server maps every feature's endpoints in one group under it, and
/// the pages build their download and upload links from it.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/v3";

    /// <summary>A path under the prefix, relative to the page's base address (for links in the dashboard).</summary>
    public static string Relative(string path) => Prefix[1..] + path;
}
