using Dashboard.Server.Training;

namespace Dashboard.Server.Models;

public static class ModelsExtensions
{
    /// <summary>
    /// The models' service (also Training's <see cref="IModelStatusCheck"/>), their mapping to the API's shape and the
    /// status check's reader (the cache it reads is Training's).
    /// </summary>
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelService>();
        builder.Services.AddScoped<IModelStatusCheck>(sp => sp.GetRequiredService<ModelService>());
        builder.Services.AddSingleton<ModelMapper>();
        builder.Services.AddSingleton<ModelStatusReader>();
        return builder;
    }
}
