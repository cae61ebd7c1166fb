namespace Dashboard.Shared.Models;

public static class BaseModels
{
    public const string General = "general";
    public const string Medical = "medical";
    public const string Legal = "legal";
    public const string Technical = "technical";

    public static readonly IReadOnlyList<string> All = [General, Medical, Legal, Technical];

    public static readonly IReadOnlyList<string> Languages = ["en"];
}
