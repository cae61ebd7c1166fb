using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Server.Persistence;

public static class PersistenceExtensions
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        DatabaseConfigurationException.ExitCleanlyWhenUnhandled();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = DatabaseConnection.Resolve(builder.Configuration);
        OwnerOnlyDataFolder.Secure(builder.Configuration, database);
        database.EnsureReachable();
        builder.Services.AddSingleton(database);
        builder.AddCluster(database);
        // Features hook into saving (e.g. Training/ModelCacheInvalidation) by registering an IInterceptor.
        builder.Services.AddDbContextFactory<DashboardDbContext>((services, options) =>
        {
            database.Configure(options);
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        builder.Services.AddScoped<SchemaMigrator>();
        // Runs before every other hosted service (Quartz included): the schema is current before anything uses it.
        builder.Services.AddHostedService<DatabaseMigrationService>();
        return builder;
    }
}

public sealed class DatabaseMigrationService(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
