namespace Dashboard.Server.Versions;

public static class VersionsExtensions
{
    public static WebApplicationBuilder AddModelVersions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelVersionService>();
        return builder;
    }
}
