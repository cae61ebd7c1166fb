using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Shared.Errors;

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
        builder.Services.AddOpenApi();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IBlobStorage, LocalBlobStorage>();
        builder.Services.AddSingleton<AudioProbe>();
        builder.Services.AddScoped<MultipartUploadReader>();
        builder.Services.AddScoped<DataUploadService>();
        builder.Services.AddScoped<Models.ModelService>();
        builder.Services.AddSingleton<Models.ModelMapper>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Unknown API routes answer in the envelope too, not with an empty 404.</summary>
    public static WebApplication MapApiFallback(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.Map("/api/{**path}", (HttpContext context) => ErrorWriter.WriteAsync(context,
            new ApiException(404, "Not Found", ErrorCodes.NotFound, $"No API endpoint {context.Request.Method} {context.Request.Path}."), context.RequestAborted));
        return app;
    }
}
