using System.Globalization;

namespace Dashboard.Shared.Dashboard;

/// <summary>
/// The one rule for following a URL that came with a request (the return URL after sign-in): a path on this site,
/// nothing else. Browsers drop tabs and line breaks inside a URL and read '\' as '/', so "/\t/evil.test" arrives as
/// "//evil.test", another site; the rule therefore refuses control characters, whitespace, invisible format
/// characters, backslashes and "//", in the URL as sent and once percent-decoded.
/// </summary>
public static class LocalUrl
{
    public const string DefaultPage = "/models";
    public const int MaxLength = 2048;

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= MaxLength } && url[0] == '/' && IsPlainPath(url) && IsPlainPath(Uri.UnescapeDataString(url));

    /// <summary>The URL when it is local, else the default page.</summary>
    public static string OrDefault(string? url) => IsLocal(url) ? url! : DefaultPage;

    private static bool IsPlainPath(string url) =>
        url.StartsWith('/') && !url.Contains("//", StringComparison.Ordinal) && !url.Any(IsRefused);

    private static bool IsRefused(char c) =>
        c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
