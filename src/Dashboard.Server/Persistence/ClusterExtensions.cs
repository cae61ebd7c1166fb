using Dashboard.Server.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Server.Persistence;

public static class ClusterExtensions
{
    /// <summary>
    /// Database:Provider=postgres means one or more nodes: they share the Data Protection key ring in the shared storage
    /// folder, so that a sign-in cookie, an antiforgery token or a reconnecting Blazor circuit issued by one node is
    /// accepted by another (each node would otherwise make its own keys and refuse the others').
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder, DatabaseConnection database)
    {
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (!database.IsPostgres) return builder;
        var root = StorageOptions.RootIn(builder.Configuration);
        builder.Services.AddDataProtection()
            .SetApplicationName("custom-models-dashboard")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(root, "keys"))));
        return builder;
    }
}
