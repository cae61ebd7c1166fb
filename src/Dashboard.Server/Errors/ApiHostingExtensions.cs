using System.Text.Json;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Server.Errors;

public static class ApiHostingExtensions
{
    /// <summary>snake_case JSON as in the seed, the error envelope for every failure, and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddApiConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ErrorEnvelopeExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<ErrorContractTransformer>());
        builder.Services.AddHealthChecks();
        builder.Services.AddScoped<Models.ModelService>();
        builder.Services.AddScoped<Models.ModelVersionsReader>();
        builder.Services.AddSingleton<Models.ModelMapper>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Models.ModelStatusCache>();
        builder.Services.AddSingleton<Models.ModelStatusReader>();
        builder.Services.AddSingleton<Models.ModelCacheInvalidation>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<Models.ModelCacheInvalidation>());
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Responses the framework ends without a body on API paths (unknown route 404, wrong method 405,
    /// unsupported Content-Type 415) answer in the envelope too.
    /// </summary>
    public static WebApplication UseApiErrorEnvelope(this WebApplication app)
    {
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            if (!Security.SecurityExtensions.IsApiPath(http.Request.Path)) return Task.CompletedTask;
            var endpoint = $"{http.Request.Method} {http.Request.Path}";
            var error = http.Response.StatusCode switch
            {
                404 => new ApiException(404, "Not Found", ErrorCodes.NotFound, $"No API endpoint {endpoint}."),
                405 => new ApiException(405, "Method Not Allowed", ErrorCodes.MethodNotAllowed,
                    $"{endpoint} is not supported; allowed: {http.Response.Headers.Allow}."),
                415 => new ApiException(415, "Unsupported Media Type", ErrorCodes.UnsupportedMediaType,
                    $"{endpoint} does not accept a body of type '{http.Request.ContentType}'.",
                    new Dictionary<string, object?> { ["content_type"] = http.Request.ContentType }),
                413 => ApiErrors.PayloadTooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize / (1024 * 1024) ?? 0),
                416 => new ApiException(416, "Range Not Satisfiable", ErrorCodes.RangeNotSatisfiable,
                    $"The requested range '{http.Request.Headers.Range}' is outside the file.",
                    new Dictionary<string, object?> { ["content_range"] = http.Response.Headers.ContentRange.ToString() }),
                var status => new ApiException(status, ReasonPhrases.GetReasonPhrase(status), CodeOf(status), ReasonPhrases.GetReasonPhrase(status)),
            };
            return ErrorWriter.WriteAsync(http, error, http.RequestAborted);
        });
        return app;
    }

    private static string CodeOf(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        429 => ErrorCodes.RateLimited,
        _ => ErrorCodes.InternalError,
    };

    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz");
        return app;
    }
}
