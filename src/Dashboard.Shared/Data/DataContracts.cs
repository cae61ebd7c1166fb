namespace Dashboard.Shared.Data;

public static class DataSetTypes
{
    public const string Train = "train";
    public const string Test = "test";
}

public sealed record DataFileDto(
    int Id,
    string Type,
    string AudioFileName,
    string TranscriptFileName,
    string Format,
    double DurationSeconds,
    int SampleRate,
    int Channels,
    long BitRate,
    long AudioBytes,
    int TranscriptWords,
    IReadOnlyList<string> Warnings,
    DateTimeOffset CreatedAt);

public sealed record UploadResponse(DataFileDto File, IReadOnlyList<string> Warnings, Models.ModelDto Model);

public sealed record DataFileListResponse(IReadOnlyList<DataFileDto> Data);

public static class DataFileRoutes
{
    /// <summary>A data file's audio, relative to the site root (the pages' base href) so that an &lt;audio&gt; element sends the sign-in cookie.</summary>
    public static string Audio(int modelId, int fileId) => $"api/v3/custom_models/{modelId}/data/{fileId}/audio";
}
