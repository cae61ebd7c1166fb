using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Privacy;
using Dashboard.Server.Security;
using Dashboard.Server.Transcription;
using Dashboard.Server.Transcription.Listen;
using Dashboard.Shared.Errors;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Streaming;

/// <summary>
/// GET /v1/listen with a WebSocket upgrade: Deepgram's live transcription. Everything that can be refused is refused
/// before the upgrade, as an HTTP error in Deepgram's shape (bad key 401, bad option 400, unknown model 404, untrained
/// model 409); then the stream runs on a decoder of its own until the client closes it, sends CloseStream, or goes idle.
/// </summary>
public static class StreamingEndpoints
{
    public static RouteHandlerBuilder MapStreamingApi(this IEndpointRouteBuilder app) =>
        app.MapGet(ListenEndpoints.Route, StreamAsync).WithTags("Transcription")
            .WithSummary("Live transcription over WebSocket (Deepgram's streaming API)")
            .CanFailWith(ErrorCodes.ModelNotFound, ErrorCodes.ModelNotReady);

    /// <summary>Deepgram-compatible live transcription: upgrade to a WebSocket, send audio as binary messages and KeepAlive/Finalize/CloseStream as text; Results, SpeechStarted, UtteranceEnd and Metadata come back.</summary>
    public static async Task StreamAsync(HttpContext http, RecognizerResolver resolver, ModelDecoders decoders, MipPolicy mip,
        StreamRecorder recorder, IBlobStorage storage, IOptions<StreamingOptions> settings, TimeProvider clock, CancellationToken ct)
    {
        var requestId = DeepgramRequestIds.Of(http);
        var caller = await StreamCaller.AuthenticateAsync(http);
        var options = StreamOptions.Parse(http.Request.Query, http.Request.QueryString.Value ?? "");
        var organizationId = caller.Principal.OrganizationIdOf();
        var model = await resolver.ResolveAsync(organizationId, options.Listen, ct);
        if (!http.WebSockets.IsWebSocketRequest)
            throw ApiErrors.UpgradeRequired(
                "GET /v1/listen is Deepgram's live API: open it as a WebSocket. For pre-recorded audio, POST the audio to /v1/listen.");
        var decision = await mip.DecideAsync(organizationId, options.Listen.MipOptOut, ct);
        using var lease = await decoders.RentAsync(model, options.Listen.Keywords, ct);
        using var recording = decision.Participates ? new StreamRecording(storage) : null;
        using var recognizer = new LiveRecognizer(lease.Decoder, options);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(caller.SubProtocol);
        var session = new StreamSession(socket, recognizer, options, new StreamResultWriter(options, model, requestId), recording,
            TimeSpan.FromSeconds(settings.Value.IdleTimeoutSeconds), clock);
        var outcome = await session.RunAsync(http.RequestAborted);
        await recorder.RecordAsync(caller.Principal, model, decision, outcome, recording, requestId);
    }
}
