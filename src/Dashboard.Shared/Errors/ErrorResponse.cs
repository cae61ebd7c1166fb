namespace Dashboard.Shared.Errors;

/// <summary>The seed's error envelope: every error the API returns has this shape.</summary>
public sealed record ErrorResponse(string Error, string Message, string ErrorCode, IReadOnlyDictionary<string, object?> Details);

public static class ErrorCodes
{
    public const string ModelNotFound = "MODEL_NOT_FOUND";
    public const string ModelNotReady = "MODEL_NOT_READY";
    public const string InsufficientData = "INSUFFICIENT_DATA";
    public const string TrainingFailed = "TRAINING_FAILED";
    public const string ModelLimitExceeded = "MODEL_LIMIT_EXCEEDED";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string InvalidAudio = "INVALID_AUDIO";
    public const string InvalidTranscript = "INVALID_TRANSCRIPT";
    public const string InvalidText = "INVALID_TEXT";
    public const string InvalidArchive = "INVALID_ARCHIVE";
    public const string Conflict = "CONFLICT";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RangeNotSatisfiable = "RANGE_NOT_SATISFIABLE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string InsufficientStorage = "INSUFFICIENT_STORAGE";
    public const string UrlNotAllowed = "URL_NOT_ALLOWED";
    public const string RemoteContentError = "REMOTE_CONTENT_ERROR";
    public const string StoredDataCorrupt = "STORED_DATA_CORRUPT";
}
