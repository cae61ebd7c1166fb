namespace Dashboard.Server.Transcription.Listen;

/// <summary>One request id per /v1 request, shared by its answer (metadata.request_id), its errors and its callback.</summary>
public static class DeepgramRequestIds
{
    public const string Header = "dg-request-id";
    private static readonly object Key = new();

    public static bool IsDeepgramPath(PathString path) => path.StartsWithSegments("/v1");

    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var existing) && existing is string id) return id;
        id = Guid.NewGuid().ToString();
        context.Items[Key] = id;
        if (!context.Response.HasStarted) context.Response.Headers[Header] = id;
        return id;
    }
}
