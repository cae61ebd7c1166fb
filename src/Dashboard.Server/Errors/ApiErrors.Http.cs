using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Server.Errors;

/// <summary>Errors of the request itself (route, method, media type, body, binding), in words for an API user.</summary>
public static partial class ApiErrors
{
    public static ApiException NoEndpoint(string endpoint) =>
        new(404, "Not Found", ErrorCodes.NotFound, $"No API endpoint {endpoint}.");

    public static ApiException MethodNotAllowed(string endpoint, string allowed) =>
        new(405, "Method Not Allowed", ErrorCodes.MethodNotAllowed, $"{endpoint} is not supported; allowed: {allowed}.");

    public static ApiException UnsupportedMediaType(string endpoint, string? contentType) =>
        new(415, "Unsupported Media Type", ErrorCodes.UnsupportedMediaType,
            $"{endpoint} does not accept a body of type '{contentType}'.",
            new Dictionary<string, object?> { ["content_type"] = contentType });

    public static ApiException RangeNotSatisfiable(string range, string contentRange) =>
        new(416, "Range Not Satisfiable", ErrorCodes.RangeNotSatisfiable,
            $"The requested range '{range}' is outside the file.",
            new Dictionary<string, object?> { ["content_range"] = contentRange });

    /// <summary>Any other status the framework ends without a body: its reason phrase.</summary>
    public static ApiException OfStatus(int status) =>
        new(status, ReasonPhrases.GetReasonPhrase(status), CodeOf(status), ReasonPhrases.GetReasonPhrase(status));

    public static ApiException InvalidJson(string path, long? lineNumber) =>
        new(400, "Bad Request", ErrorCodes.ValidationFailed,
            $"The request body is not valid JSON for this endpoint (at {path}, line {(lineNumber ?? 0) + 1}).",
            Detail("path", path));

    public static ApiException JsonBodyRequired() =>
        new(400, "Bad Request", ErrorCodes.ValidationFailed, "This endpoint needs a JSON body (Content-Type: application/json).");

    public static ApiException BadRequest(string message) =>
        new(400, "Bad Request", ErrorCodes.ValidationFailed, message);

    public static ApiException InvalidValue(string field, string value, string expected) =>
        new(400, "Bad Request", ErrorCodes.ValidationFailed, $"'{value}' is not a valid value for {field}{expected}.",
            new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    private static string CodeOf(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        429 => ErrorCodes.RateLimited,
        _ => ErrorCodes.InternalError,
    };
}
