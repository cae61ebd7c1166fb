using System.Text.Json;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Outbound;
using Dashboard.Shared.Errors;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>
/// The background half of a callback request: transcribe (fetching the URL if one was given), then hand the full
/// Deepgram-shaped result, or Deepgram's error shape if it could not be done, to the durable delivery queue.
/// </summary>
public sealed class ListenCallbackRunner(
    RecognizerResolver resolver, ListenTranscriber transcriber, RemoteAudioFetcher fetcher, IBlobStorage storage, DeliveryQueue deliveries,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<ListenCallbackRunner> logger)
{
    public const string CompletedEvent = "transcription.completed";

    public async Task RunAsync(string requestId, int organizationId, string query, string? audioBlob, string? url, CancellationToken ct)
    {
        var options = ListenOptions.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), query);
        string payload;
        try
        {
            var model = await resolver.ResolveAsync(organizationId, options, ct);
            using var audio = url is null ? await StageAsync(audioBlob!, ct) : await fetcher.FetchAsync(url, ct);
            payload = JsonSerializer.Serialize(await transcriber.TranscribeAsync(organizationId, options, model, audio, requestId, ct), json.Value.SerializerOptions);
        }
        catch (ApiException e)
        {
            logger.LogInformation("Callback request {RequestId} could not be transcribed: {Message}", requestId, e.Message);
            payload = JsonSerializer.Serialize(new DeepgramError(e.ErrorCode, e.Message, requestId), json.Value.SerializerOptions);
        }
        catch (Exception e) when (!ct.IsCancellationRequested) // the client waits for an answer either way
        {
            logger.LogError(e, "Callback request {RequestId} failed", requestId);
            payload = JsonSerializer.Serialize(new DeepgramError(ErrorCodes.InternalError, "An unexpected error occurred; it has been logged.", requestId),
                json.Value.SerializerOptions);
        }
        await deliveries.EnqueueAsync(new OutboundDelivery
        {
            OrganizationId = organizationId,
            Kind = DeliveryKinds.Callback,
            Reference = requestId,
            Url = options.Callback!,
            Method = options.CallbackMethod,
            Event = CompletedEvent,
            Payload = payload,
        }, ct);
        if (audioBlob is not null) storage.Delete(audioBlob);
    }

    private async Task<StagedFile> StageAsync(string blob, CancellationToken ct)
    {
        await using var stored = storage.OpenRead(blob);
        return await storage.StageAsync(stored, long.MaxValue, ct);
    }
}
