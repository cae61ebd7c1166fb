using System.Security.Claims;
using Dashboard.Server.Outbound;
using Dashboard.Server.Security;
using Dashboard.Server.Transcription.Listen;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Transcription;

/// <summary>
/// POST /v1/listen, compatible with Deepgram's pre-recorded API: the body is the audio (any content type, or none) or
/// JSON `{"url": ...}`; the key comes as `Authorization: Token KEY` (or Bearer); the query options are in
/// <see cref="ListenOptions"/>. With `callback` the answer is `{"request_id"}` and the result is POSTed there later.
/// Answers and errors have Deepgram's shape, so Deepgram SDKs work when pointed at this server.
/// </summary>
public static class ListenEndpoints
{
    public const string Route = "/v1/listen";

    public static RouteHandlerBuilder MapListenApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, Listen).WithTags("Transcription")
            .RequireApiKey()
            .DisableAntiforgery();

    /// <summary>Deepgram-compatible pre-recorded transcription: raw audio or {"url"}, Deepgram's options (punctuate, smart_format, utterances, paragraphs, keywords, keyterm, callback, tag, extra) and response shape.</summary>
    public static async Task<Results<Ok<DeepgramResponse>, Ok<DeepgramAccepted>>> Listen(
        HttpContext http, ClaimsPrincipal user, TranscriptionRequestReader reader, RecognizerResolver resolver, ListenTranscriber transcriber,
        ListenCallbacks callbacks, RemoteAudioFetcher fetcher, OutboundHostPolicy policy, CancellationToken ct)
    {
        var requestId = DeepgramRequestIds.Of(http);
        var options = ListenOptions.Parse(http.Request.Query, http.Request.QueryString.Value ?? "");
        var organizationId = user.OrganizationIdOf();
        var model = await resolver.ResolveAsync(organizationId, options, ct); // 404/409 before the body is read
        if (options.Callback is { } callback) await policy.EnsureAllowedAsync(callback, "callback", ct);
        var url = TranscriptionRequestReader.IsJson(http.Request) ? await TranscriptionRequestReader.ReadUrlAsync(http.Request, ct) : null;
        if (options.Callback is not null)
        {
            if (url is not null) await policy.EnsureAllowedAsync(url, "url", ct);
            using var body = url is null ? await reader.ReadRawAsync(http.Request, ct) : null;
            await callbacks.AcceptAsync(organizationId, options, url, body, requestId, ct);
            return TypedResults.Ok(new DeepgramAccepted(requestId));
        }
        using var audio = url is null ? await reader.ReadRawAsync(http.Request, ct) : await fetcher.FetchAsync(url, ct);
        return TypedResults.Ok(await transcriber.TranscribeAsync(organizationId, options, model, audio, requestId, ct));
    }
}
