namespace Dashboard.Client;

/// <summary>How times read on the dashboard (en-US patterns).</summary>
public static class TimePatterns
{
    public const string Timestamp = "MMM d, yyyy HH:mm";
    public const string Date = "MMM d, yyyy";
    public const string Clock = "HH:mm:ss";
    public const string Full = "MMM d, yyyy HH:mm:ss";
}
