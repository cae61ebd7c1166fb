namespace Dashboard.Server.Errors;

/// <summary>A domain error that the one exception handler turns into the seed's error envelope.</summary>
public sealed class ApiException(int statusCode, string error, string errorCode, string message, IReadOnlyDictionary<string, object?>? details = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Error { get; } = error;
    public string ErrorCode { get; } = errorCode;
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
    public TimeSpan? RetryAfter { get; init; }
}
