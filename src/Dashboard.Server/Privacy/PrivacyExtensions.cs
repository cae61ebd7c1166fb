namespace Dashboard.Server.Privacy;

public static class PrivacyExtensions
{
    /// <summary>Account settings, the Model Improvement Program (decision, retained pool), retention and organization deletion.</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AccountSettingsService>();
        builder.Services.AddScoped<MipPolicy>();
        builder.Services.AddScoped<RetainedPool>();
        builder.Services.AddScoped<PoolKeeper>();
        builder.Services.AddScoped<PoolTrainingData>();
        builder.Services.AddScoped<AuditedPool>();
        builder.Services.AddScoped<RetentionService>();
        builder.Services.AddScoped<OrganizationDeletion>();
        builder.Services.AddHostedService<RetentionPurgeSchedule>();
        return builder;
    }
}
