using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Outbound;
using Dashboard.Shared.Errors;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Transcription.Listen;

/// <summary>Fetches the audio of a `{"url": ...}` request to staging, within the upload size limit and a time limit.</summary>
public sealed class RemoteAudioFetcher(
    IHttpClientFactory clients, OutboundHostPolicy policy, IBlobStorage storage, IOptions<StorageOptions> storageOptions, IOptions<OutboundOptions> options)
{
    public async Task<StagedFile> FetchAsync(string url, CancellationToken ct)
    {
        var uri = await policy.EnsureAllowedAsync(url, "url", ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.UrlFetchTimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(OutboundHttp.ClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw RemoteError(uri, $"fetching the audio answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            var max = storageOptions.Value.MaxUploadBytes;
            if (response.Content.Headers.ContentLength > max) throw ApiErrors.PayloadTooLarge(storageOptions.Value.MaxUploadMegabytes);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var staged = await storage.StageAsync(body, max, timeout.Token);
            if (staged.Length > 0) return staged;
            staged.Dispose();
            throw RemoteError(uri, "the URL answered an empty body.");
        }
        catch (HttpRequestException e) when (OutboundHttp.RefusalIn(e) is { } refused)
        {
            throw OutboundHostPolicy.Refused("url", uri, refused.Message); // e.g. a redirect to an internal address
        }
        catch (HttpRequestException e)
        {
            throw RemoteError(uri, $"the audio could not be fetched ({e.Message}).");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw RemoteError(uri, $"fetching the audio took longer than {options.Value.UrlFetchTimeoutSeconds} seconds.");
        }
    }

    private static ApiException RemoteError(Uri uri, string problem) =>
        new(400, "Bad Request", ErrorCodes.RemoteContentError, $"url: {problem}",
            new Dictionary<string, object?> { ["field"] = "url", ["host"] = uri.Host });
}
