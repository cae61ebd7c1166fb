namespace Dashboard.Server.Models;

public static class ModelsExtensions
{
    /// <summary>The models' service, their mapping to the API's shape and the status cache with its invalidation on save.</summary>
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelService>();
        builder.Services.AddSingleton<ModelMapper>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ModelStatusCache>();
        builder.Services.AddSingleton<ModelStatusReader>();
        builder.Services.AddSingleton<ModelCacheInvalidation>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<ModelCacheInvalidation>());
        return builder;
    }
}
