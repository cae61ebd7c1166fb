using Dashboard.Server.Persistence;
using Dashboard.Server.Training.Sphinx;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Quartz;

namespace Dashboard.Server.Training;

public static class TrainingExtensions
{
    /// <summary>How long a stopping server waits for running engines to unwind: well inside the usual 30 s before a SIGKILL.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TrainingLog>();
        services.AddSingleton<TrainingProgressWriter>();
        services.AddScoped<TrainingScheduler>();
        services.AddScoped<TrainingService>();
        services.AddScoped<TrainingRunner>();
        services.AddScoped<TrainingStateMachine>();
        services.AddScoped<ModelVersionsReader>();
        // The status check's cache, dropped whenever a save touches a model, its data or its runs.
        services.AddMemoryCache();
        services.AddSingleton<ModelStatusCache>();
        services.AddSingleton<ModelCacheInvalidation>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ModelCacheInvalidation>());
        services.AddSingleton<TrainingEventDispatcher>();
        services.AddScoped<ITrainingEngine, SimulatedTrainingEngine>();
        services.AddSphinxTraining();

        // Quartz is configured before the container exists, so the options class is bound here once, not resolved.
        var schedulerName = (builder.Configuration.GetSection(TrainingOptions.Section).Get<TrainingOptions>() ?? new TrainingOptions()).SchedulerName;
        var database = DatabaseConnection.Resolve(builder.Configuration);
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = schedulerName;
                // In a cluster every node shares the scheduler name and has its own instance id.
                o.InstanceId = database.IsPostgres ? ClusterOptions.NodeIdOf(builder.Configuration) : schedulerName;
                // On SIGTERM a running engine is asked to stop through its token (and waited for), so the job
                // ends by throwing and its firing is kept for recovery at the next start.
                o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = Math.Max(2, Environment.ProcessorCount));
            q.UsePersistentStore(store =>
            {
                if (database.IsPostgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(cluster.CheckinIntervalSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(cluster.CheckinIntervalSeconds);
                    });
                }
                else store.UseSqlite(database.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(o => o.RecoverFiringsCancelledByShutdown = true);
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        services.AddHostedService<TrainingRecovery>();
        return builder;
    }
}
