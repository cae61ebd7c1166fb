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
            IOException io when Data.StorageFull.Is(io) => ApiErrors.InsufficientStorage(),
            Data.Encryption.BlobIntegrityException => new ApiException(500, "Internal Server Error", ErrorCodes.StoredDataCorrupt,
                "Stored data failed its integrity check (altered or truncated on disk); an administrator must restore it from a backup."),
            _ => null,
        };
        if (exception is Data.Encryption.BlobIntegrityException) logger.LogError(exception, "Stored data failed its integrity check on {Path}", context.Request.Path);
        if (error is null)
        {
            if (context.RequestAborted.IsCancellationRequested) return true; // the client went away: nothing to answer
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
            error = new ApiException(500, "Internal Server Error", ErrorCodes.InternalError, "An unexpected error occurred; it has been logged.");
        }
        await ErrorWriter.WriteAsync(context, error, cancellationToken);
        return true;
    }

    /// <summary>The framework's binding failures, in words for an API user rather than for the server's developer.</summary>
    private static ApiException BadRequest(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => new ApiException(400, "Bad Request", ErrorCodes.ValidationFailed,
            $"The request body is not valid JSON for this endpoint (at {json.Path ?? "$"}, line {(json.LineNumber ?? 0) + 1}).",
            new Dictionary<string, object?> { ["path"] = json.Path ?? "$" }),
        _ when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) =>
            new ApiException(400, "Bad Request", ErrorCodes.ValidationFailed, "This endpoint needs a JSON body (Content-Type: application/json)."),
        _ => new ApiException(400, "Bad Request", ErrorCodes.ValidationFailed, bad.Message),
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
        return context.Response.WriteAsJsonAsync(new ErrorResponse(error.Error, error.Message, error.ErrorCode, error.Details), ct);
    }
}
