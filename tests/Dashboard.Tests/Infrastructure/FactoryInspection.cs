using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>What a test checks behind the API: the database and the files in the storage folder.</summary>
public static class FactoryInspection
{
    public static string BlobRoot(this DashboardFactory factory) => Path.Combine(factory.StorageRoot, "blobs");

    /// <summary>Every file kept for a model (its data pairs and artifacts).</summary>
    public static IReadOnlyList<string> BlobsOf(this DashboardFactory factory, int modelId)
    {
        var folder = Path.Combine(factory.BlobRoot(), "models", modelId.ToString());
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Files received but not accepted: these must never outlive their request.</summary>
    public static IReadOnlyList<string> StagedFiles(this DashboardFactory factory)
    {
        var folder = Path.Combine(factory.StorageRoot, "staging");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    public static async Task<T> QueryAsync<T>(this DashboardFactory factory, Func<DashboardDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        return await query(db);
    }

    public static Task<int> DataFileCountAsync(this DashboardFactory factory, int modelId) =>
        factory.QueryAsync(db => db.DataFiles.CountAsync(f => f.ModelId == modelId));
}
