using Dashboard.Shared.Errors;

namespace Dashboard.Server.Errors;

/// <summary>Error codes an endpoint can answer beyond the ones every API route shares (see ErrorContractTransformer).</summary>
public sealed record ErrorResponsesMetadata(IReadOnlyList<string> Codes);

public static class ErrorResponsesExtensions
{
    /// <summary>The HTTP status each error code is sent with.</summary>
    public static readonly IReadOnlyDictionary<string, int> StatusOf = new Dictionary<string, int>
    {
        [ErrorCodes.ModelNotFound] = 404,
        [ErrorCodes.ModelNotReady] = 409,
        [ErrorCodes.InsufficientData] = 400,
        [ErrorCodes.TrainingFailed] = 500,
        [ErrorCodes.ModelLimitExceeded] = 402,
        [ErrorCodes.Unauthorized] = 401,
        [ErrorCodes.Forbidden] = 403,
        [ErrorCodes.RateLimited] = 429,
        [ErrorCodes.ValidationFailed] = 400,
        [ErrorCodes.PayloadTooLarge] = 413,
        [ErrorCodes.InvalidAudio] = 400,
        [ErrorCodes.InvalidTranscript] = 400,
        [ErrorCodes.Conflict] = 409,
        [ErrorCodes.NotFound] = 404,
        [ErrorCodes.MethodNotAllowed] = 405,
        [ErrorCodes.UnsupportedMediaType] = 415,
        [ErrorCodes.InternalError] = 500,
    };

    /// <summary>Documents error codes this endpoint can answer, in the seed's envelope.</summary>
    public static TBuilder CanFailWith<TBuilder>(this TBuilder endpoint, params string[] codes) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ErrorResponsesMetadata(codes));
}
