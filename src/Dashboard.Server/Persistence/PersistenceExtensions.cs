using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Server.Persistence;

public static class PersistenceExtensions
{
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var connectionString = DatabaseOptions.ConnectionString(builder.Configuration);
        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? "sqlite";
        if (provider != "sqlite")
            throw new InvalidOperationException($"Database:Provider '{provider}' is not available in this build; use 'sqlite'.");
        void Configure(DbContextOptionsBuilder options) => options.UseSqlite(connectionString, o => o.CommandTimeout(60));
        // Features hook into saving (e.g. Models/ModelCacheInvalidation) by registering an IInterceptor.
        builder.Services.AddDbContextFactory<DashboardDbContext>((services, options) =>
        {
            Configure(options);
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
