namespace Dashboard.Server.Transcription.Listen;

/// <summary>How /v1/listen reads its query, for files and streams: blank values count as absent, the last one wins.</summary>
public static class DeepgramQuery
{
    public static string? Value(IQueryCollection query, string name) =>
        query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());

    /// <summary>true/false (also 1/0, yes/no); a 400 naming <paramref name="name"/> for anything else.</summary>
    public static bool? Flag(IQueryCollection query, string name) => TranscriptionRequestReader.ParseFlag(Value(query, name), name);
}
