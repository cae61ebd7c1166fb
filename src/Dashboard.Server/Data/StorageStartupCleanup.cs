using System.Text.RegularExpressions;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Dashboard.Server.Storage;

namespace Dashboard.Server.Data;

/// <summary>
/// At start-up, after the schema migration and before Quartz and the web server: a crash (kill -9, power cut)
/// mid-upload leaves a staged file, and between storing a pair and saving its row, blobs without a row; a crash
/// mid-delete leaves a model's folder without its model. None of it was accepted, so none of it is kept.
/// Only data pairs' blob keys (see <see cref="BlobKeys"/>) and model folders are judged; other blobs are left alone.
/// </summary>
public sealed partial class StorageStartupCleanup(
    IServiceScopeFactory scopes, IBlobStorage storage, Persistence.DatabaseConnection database, ILogger<StorageStartupCleanup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Alone on its storage, everything staged was this process's before the crash; in a cluster the shared folder
        // also holds other nodes' uploads in flight, so only what has been untouched for hours is abandoned.
        var leftovers = storage.RemoveLeftovers(database.IsPostgres ? TimeSpan.FromHours(6) : TimeSpan.Zero);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var models = (await db.CustomModels.Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var file in db.DataFiles.AsNoTracking().Select(f => new { f.AudioBlob, f.TranscriptBlob }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            referenced.Add(file.AudioBlob);
            referenced.Add(file.TranscriptBlob);
        }
        var orphans = 0;
        var goneModels = new HashSet<int>();
        foreach (var key in storage.List("models").ToList())
        {
            var match = DataBlobKey().Match(key);
            if (!int.TryParse(key.Split('/')[1], out var modelId)) continue;
            if (!models.Contains(modelId)) goneModels.Add(modelId);
            else if (match.Success && !referenced.Contains(key))
            {
                storage.Delete(key);
                orphans++;
            }
        }
        foreach (var modelId in goneModels) storage.DeleteFolder(BlobKeys.ModelFolder(modelId));
        if (leftovers + orphans + goneModels.Count > 0)
            logger.LogWarning("Start-up clean-up after an unclean stop: removed {Leftovers} staged or partial files, {Orphans} data files without a row and the folders of {Models} deleted models",
                leftovers, orphans, goneModels.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [GeneratedRegex("^models/[0-9]+/(train|test)/[0-9a-f]{32}\\.(audio|txt)$")] private static partial Regex DataBlobKey();
}

public static class StorageCleanupExtensions
{
    /// <summary>Register after AddPersistence (the schema is migrated first) and before AddTraining (no run uses storage yet).</summary>
    public static WebApplicationBuilder AddStorageStartupCleanup(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StorageStartupCleanup>();
        return builder;
    }
}
