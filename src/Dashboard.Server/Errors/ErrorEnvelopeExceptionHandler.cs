using System.Text.Json;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Server.Errors;

/// <summary>The one place where exceptions become the seed's error envelope.</summary>
public sealed class ErrorEnvelopeExceptionHandler(ILogger<ErrorEnvelopeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        ApiException? error = exception switch
        {
            ApiException api => api,
            BadHttpRequestException { StatusCode: 413 } => ApiErrors.PayloadTooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize / (1024 * 1024) ?? 0),
            BadHttpRequestException bad => BindingFailure.Describe(context, bad) ?? BadRequest(bad),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => ApiErrors.ConcurrentChange(),
            IOException io when Storage.StorageFull.Is(io) => ApiErrors.InsufficientStorage(),
            Storage.Encryption.BlobIntegrityException => ApiErrors.StoredDataCorrupt(),
            _ => null,
        };
        if (exception is Storage.Encryption.BlobIntegrityException) logger.LogError(exception, "Stored data failed its integrity check on {Path}", context.Request.Path);
        if (error is null)
        {
            if (context.RequestAborted.IsCancellationRequested) return true; // the client went away: nothing to answer
            logger.LogError(exception, "Unhandled error on {Path} (trace {TraceId})", context.Request.Path, TraceIds.Of(context));
            error = ApiErrors.Internal();
        }
        await ErrorWriter.WriteAsync(context, error, cancellationToken);
        return true;
    }

    /// <summary>The framework's binding failures, in words for an API user rather than for the server's developer.</summary>
    private static ApiException BadRequest(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => ApiErrors.InvalidJson(json.Path ?? "$", json.LineNumber),
        _ when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) =>
            ApiErrors.JsonBodyRequired(),
        _ => ApiErrors.BadRequest(bad.Message),
    };
}

public static class ErrorWriter
{
    public static Task WriteAsync(HttpContext context, ApiException error, CancellationToken ct)
    {
        context.Response.StatusCode = error.StatusCode;
        if (error.RetryAfter is { } retry)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
        if (Transcription.Listen.DeepgramRequestIds.IsDeepgramPath(context.Request.Path)) // Deepgram's shape, so its SDKs show the message
            return context.Response.WriteAsJsonAsync(
                new Shared.Transcription.DeepgramError(error.ErrorCode, error.Message, Transcription.Listen.DeepgramRequestIds.Of(context)), ct);
        // The trace id goes in details, the seed's free-form context, so the envelope keeps exactly the seed's four fields.
        var details = new Dictionary<string, object?>(error.Details) { ["trace_id"] = TraceIds.Of(context) };
        return context.Response.WriteAsJsonAsync(new ErrorResponse(error.Error, error.Message, error.ErrorCode, details), ct);
    }
}
