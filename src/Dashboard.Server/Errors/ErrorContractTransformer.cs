using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Dashboard.Server.Errors;

/// <summary>
/// Adds the error contract to every /api operation of the OpenAPI document: each status the route can answer, with
/// the envelope schema ({error, message, error_code, details}) and the error codes it can carry. Codes shared by
/// all routes follow from the endpoint itself (authentication, roles, rate limit, an id in the route, input);
/// the rest are declared with <see cref="ErrorResponsesExtensions.CanFailWith{TBuilder}"/>.
/// </summary>
public sealed class ErrorContractTransformer : IOpenApiOperationTransformer
{
    private const string SchemaId = nameof(ErrorResponse);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The handler's XML <summary> arrives as the operation's summary; clients show the description.
        if (string.IsNullOrEmpty(operation.Description)) operation.Description = operation.Summary;
        var path = "/" + (context.Description.RelativePath ?? "");
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return;
        var codes = CodesOf(path, operation, context.Description.ActionDescriptor.EndpointMetadata);

        if (context.Document?.Components?.Schemas?.ContainsKey(SchemaId) != true)
            context.Document?.AddComponent<IOpenApiSchema>(SchemaId, await context.GetOrCreateSchemaAsync(typeof(ErrorResponse), null, cancellationToken));
        operation.Responses ??= [];
        foreach (var byStatus in codes.GroupBy(code => ErrorResponsesExtensions.StatusOf[code]).OrderBy(g => g.Key))
        {
            var status = byStatus.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var described = string.Join(", ", byStatus.Distinct());
            operation.Responses[status] = new OpenApiResponse
            {
                Description = $"Error envelope; error_code: {described}",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(SchemaId, context.Document) },
                },
            };
        }
    }

    private static List<string> CodesOf(string path, OpenApiOperation operation, IList<object> metadata)
    {
        var codes = new List<string>();
        var authorization = metadata.OfType<IAuthorizeData>().ToList();
        if (authorization.Count > 0 || metadata.OfType<AuthorizationPolicy>().Any()) codes.Add(ErrorCodes.Unauthorized);
        if (authorization.Any(a => a.Policy is not null || a.Roles is not null)) codes.Add(ErrorCodes.Forbidden);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) codes.Add(ErrorCodes.RateLimited);
        if (operation.RequestBody is not null || operation.Parameters?.Count > 0) codes.Add(ErrorCodes.ValidationFailed);
        if (path.Contains("{id", StringComparison.Ordinal))
            codes.Add(path.StartsWith(Models.CustomModelEndpoints.Route, StringComparison.Ordinal) ? ErrorCodes.ModelNotFound : ErrorCodes.NotFound);
        codes.AddRange(metadata.OfType<ErrorResponsesMetadata>().SelectMany(m => m.Codes));
        codes.Add(ErrorCodes.InternalError);
        return codes;
    }
}
