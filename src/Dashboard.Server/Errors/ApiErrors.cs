using Dashboard.Shared.Errors;

namespace Dashboard.Server.Errors;

/// <summary>
/// The one factory of API errors: each error the API can answer is built here, so its status, error name and code
/// agree everywhere (handlers, authentication, the status-code pages and the exception handler).
/// </summary>
public static partial class ApiErrors
{
    public static ApiException ModelNotFound(int id) =>
        new(404, "Not Found", ErrorCodes.ModelNotFound, $"Custom model {id} does not exist.", Detail("model_id", id));

    public static ApiException ModelNotReady(int id, string why) =>
        new(409, "Conflict", ErrorCodes.ModelNotReady, why, Detail("model_id", id));

    public static ApiException InsufficientData(double hours, double minimum) =>
        new(400, "Bad Request", ErrorCodes.InsufficientData,
            $"Training needs at least {minimum:0.##} hours of training audio; this model has {hours:0.##}.",
            new Dictionary<string, object?> { ["training_hours"] = Math.Round(hours, 3), ["minimum_hours"] = minimum });

    public static ApiException ModelLimitExceeded(string plan, int limit) =>
        new(402, "Payment Required", ErrorCodes.ModelLimitExceeded,
            limit == 0
                ? $"The {plan} plan does not include custom models; custom models need the Gold or Enterprise plan."
                : $"The {plan} plan allows {limit} custom models; delete one or upgrade to Enterprise.",
            new Dictionary<string, object?> { ["plan"] = plan, ["limit"] = limit });

    public static ApiException Validation(string field, string message) =>
        new(400, "Bad Request", ErrorCodes.ValidationFailed, message, Detail("field", field));

    public static ApiException InvalidFile(string code, string field, string fileName, string problem) =>
        new(400, "Bad Request", code, $"{fileName}: {problem}",
            new Dictionary<string, object?> { ["field"] = field, ["file"] = fileName, ["problem"] = problem });

    public static ApiException PayloadTooLarge(long limitMegabytes) =>
        new(413, "Payload Too Large", ErrorCodes.PayloadTooLarge,
            $"The upload exceeds the limit of {limitMegabytes} MB.", Detail("limit_megabytes", limitMegabytes));

    public static ApiException Conflict(int id, string message) =>
        new(409, "Conflict", ErrorCodes.Conflict, message, Detail("model_id", id));

    public static ApiException UserConflict(string userId, string message) =>
        new(409, "Conflict", ErrorCodes.Conflict, message, Detail("user_id", userId));

    public static ApiException Forbidden(string message) =>
        new(403, "Forbidden", ErrorCodes.Forbidden, message);

    public static ApiException RateLimited(TimeSpan retryAfter, string? message = null)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        return new ApiException(429, "Too Many Requests", ErrorCodes.RateLimited, message ?? $"Rate limit reached; retry in {seconds} seconds.",
            Detail("retry_after_seconds", seconds)) { RetryAfter = retryAfter };
    }

    public static ApiException NotFound(string what, object id) =>
        new(404, "Not Found", ErrorCodes.NotFound, $"{what} {id} does not exist.", Detail("id", id));

    public static ApiException ConcurrentChange() =>
        new(409, "Conflict", ErrorCodes.Conflict,
            "The model changed while this request was handled (for example its training started or finished); nothing was changed. Try again.");

    public static ApiException InsufficientStorage() =>
        new(507, "Insufficient Storage", ErrorCodes.InsufficientStorage,
            "The server's storage is full; nothing of this request was kept. Try again once space has been freed.");

    public static ApiException Unauthorized(string message) =>
        new(401, "Unauthorized", ErrorCodes.Unauthorized, message);

    public static ApiException HostDoesNotResolve(string field, string host) =>
        new(400, "Bad Request", ErrorCodes.UrlNotAllowed, $"{field}: the host '{host}' does not resolve.",
            new Dictionary<string, object?> { ["field"] = field, ["host"] = host });

    public static ApiException TextTooLarge(string fileName, long limitMegabytes) =>
        new(413, "Payload Too Large", ErrorCodes.PayloadTooLarge,
            $"{fileName}: text data may be at most {limitMegabytes} MB (Storage:MaxTextMegabytes); split the file.",
            new Dictionary<string, object?> { ["field"] = "text_file", ["file"] = fileName, ["limit_megabytes"] = limitMegabytes });

    /// <summary>A ZIP archive refused as a whole; <paramref name="details"/> gains the file and field.</summary>
    public static ApiException InvalidArchive(string archiveName, string problem, Dictionary<string, object?>? details = null)
    {
        details ??= [];
        details["file"] = archiveName;
        details["field"] = "archive_file";
        return new(400, "Bad Request", ErrorCodes.InvalidArchive, $"{archiveName}: {problem}", details);
    }

    public static ApiException RangeOutsideFile(string range, long length) =>
        new(416, "Range Not Satisfiable", ErrorCodes.RangeNotSatisfiable,
            $"The requested range '{range}' is outside the file of {length} bytes.",
            new Dictionary<string, object?> { ["length"] = length, ["content_range"] = $"bytes */{length}" });

    public static ApiException StoredDataCorrupt() =>
        new(500, "Internal Server Error", ErrorCodes.StoredDataCorrupt,
            "Stored data failed its integrity check (altered or truncated on disk); an administrator must restore it from a backup.");

    public static ApiException Internal() =>
        new(500, "Internal Server Error", ErrorCodes.InternalError, "An unexpected error occurred; it has been logged.");

    private static Dictionary<string, object?> Detail(string key, object? value) => new() { [key] = value };
}
