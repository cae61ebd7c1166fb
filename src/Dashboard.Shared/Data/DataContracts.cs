namespace Dashboard.Shared.Data;

public static class DataSetTypes
{
    public const string Train = "train";
    public const string Test = "test";
    /// <summary>Text-only domain data (sentences or paragraphs): feeds the language model and vocabulary, not the acoustic model.</summary>
    public const string Text = "text";
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
    DateTimeOffset CreatedAt,
    long TranscriptBytes = 0,
    int Sentences = 0);

public sealed record UploadResponse(DataFileDto File, IReadOnlyList<string> Warnings, Models.ModelDto Model);

/// <summary>A pair of a ZIP archive that was not stored, and why.</summary>
public sealed record RejectedPairDto(string Name, string Reason);

/// <summary>The answer to an archive upload: the pairs stored, the ones rejected with their reasons, and the model after.</summary>
public sealed record ArchiveUploadResponse(
    IReadOnlyList<DataFileDto> Accepted, IReadOnlyList<RejectedPairDto> Rejected, IReadOnlyList<string> Warnings, Models.ModelDto Model);

public sealed record DataFileListResponse(IReadOnlyList<DataFileDto> Data);

public static class DataFileRoutes
{
    /// <summary>A data file's audio, relative to the site root (the pages' base href) so that an &lt;audio&gt; element sends the sign-in cookie.</summary>
    public static string Audio(int modelId, int fileId) => ApiRoutes.Relative($"/custom_models/{modelId}/data/{fileId}/audio");
}
