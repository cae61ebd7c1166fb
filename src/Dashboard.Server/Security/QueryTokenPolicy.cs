using Dashboard.Server.Live;
using Dashboard.Server.Transcription;

namespace Dashboard.Server.Security;

/// <summary>
/// The one list of where an API key may come in the query string (?access_token=) instead of a header: only where
/// clients cannot set headers, the SignalR hub (browsers' WebSockets and EventSource) and a WebSocket upgrade of
/// /v1/listen. Anywhere else a key in a URL ends up in proxy logs, browser history and Referer headers, so it is not read.
/// </summary>
public static class QueryTokenPolicy
{
    public const string Parameter = "access_token";

    public static bool MayCarryQueryToken(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments(LiveExtensions.HubPath)
            || path.Equals(ListenEndpoints.Route, StringComparison.OrdinalIgnoreCase) && context.WebSockets.IsWebSocketRequest;
    }

    /// <summary>The query token, where this request may carry one.</summary>
    public static string? Read(HttpContext context) =>
        MayCarryQueryToken(context) && context.Request.Query[Parameter].FirstOrDefault() is { Length: > 0 } token ? token : null;

    /// <summary>A key sent in the query where it is not read: the refusal says how to send it instead.</summary>
    public static bool IsMisplaced(HttpContext context) => context.Request.Query.ContainsKey(Parameter) && !MayCarryQueryToken(context);
}
