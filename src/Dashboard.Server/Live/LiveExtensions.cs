using Dashboard.Server.Persistence;

namespace Dashboard.Server.Live;

public static class LiveExtensions
{
    public const string HubPath = "/hubs/training";

    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TrainingEventBus>();
        builder.Services.AddSingleton<CacheEvictions>();
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<HubRelay>();
        builder.Services.AddSingleton<HubKeyGuard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubKeyGuard>());
        if (DatabaseConnection.Resolve(builder.Configuration).IsPostgres) builder.Services.AddHostedService<PostgresEventRelay>();
        return builder;
    }

    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<TrainingHub>(HubPath);
        return app;
    }
}
