namespace Dashboard.Server.Privacy;

public static class PrivacyExtensions
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountSettingsService>();
        return builder;
    }
}
