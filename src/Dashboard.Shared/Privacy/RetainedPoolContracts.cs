namespace Dashboard.Shared.Privacy;

/// <summary>Where a kept request came from.</summary>
public static class RetainedKinds
{
    public const string Stt = "stt";
    public const string Listen = "listen";
    public const string Upload = "upload";
    public const string Text = "text";
    public const string Archive = "archive";
}

/// <summary>
/// One kept request of the organization's retained pool (GET /api/v3/mip/items). The transcript is the recognized
/// text for stt/listen and the uploaded transcript for data uploads; the audio plays from <c>/api/v3/mip/items/{id}/audio</c>.
/// </summary>
public sealed record RetainedItemDto(
    int Id,
    string Kind,
    string? Model,
    bool HasAudio,
    double AudioSeconds,
    long AudioBytes,
    string Transcript,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

public sealed record RetainedItemListResponse(IReadOnlyList<RetainedItemDto> Data, int Page, int PerPage, int Total);

/// <summary>POST /api/v3/mip/items/{id}/add_to_model: the item becomes a training pair of the model (type train by default).</summary>
public sealed record AddToModelRequest(int? ModelId, string? Type, string? Transcript);

public static class RetainedPoolRoutes
{
    /// <summary>An item's audio, relative to the site root (the pages' base href) so that an &lt;audio&gt; element sends the sign-in cookie.</summary>
    public static string Audio(int itemId) => ApiRoutes.Relative($"/mip/items/{itemId}/audio");
}
