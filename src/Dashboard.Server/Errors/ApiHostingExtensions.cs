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
                404 => ApiErrors.NoEndpoint(endpoint),
                405 => ApiErrors.MethodNotAllowed(endpoint, http.Response.Headers.Allow.ToString()),
                415 => ApiErrors.UnsupportedMediaType(endpoint, http.Request.ContentType),
                413 => ApiErrors.PayloadTooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize / (1024 * 1024) ?? 0),
                416 => ApiErrors.RangeNotSatisfiable(http.Request.Headers.Range.ToString(), http.Response.Headers.ContentRange.ToString()),
                var status => ApiErrors.OfStatus(status),
            };
            return ErrorWriter.WriteAsync(http, error, http.RequestAborted);
        });
        return app;
    }

    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz");
        return app;
    }
}
