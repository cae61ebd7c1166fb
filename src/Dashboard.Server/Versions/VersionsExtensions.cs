namespace Dashboard.Server.Versions;

public static class VersionsExtensions
{
    public static WebApplicationBuilder AddModelVersions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModelVersionService>();
        builder.Services.AddScoped<Shared.Versions.IModelVersionsClient, Web.ModelVersionsClient>();
        return builder;
    }
}
