using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

/// <summary>
/// Deletes what is kept past each organization's retention_days: retained pool items (rows and their audio and
/// transcript blobs). Request audio that is not kept never outlives its request (staging files go when it ends).
/// </summary>
public sealed class RetentionService(DashboardDbContext db, RetainedPool pool, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <returns>How many items were purged.</returns>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.RetentionDays }).ToListAsync(ct);
        var purged = 0;
        foreach (var organization in organizations)
        {
            var cutoff = now.AddDays(-organization.RetentionDays);
            var expired = await db.RetainedItems.AsNoTracking()
                .Where(i => i.OrganizationId == organization.Id && i.CreatedAt < cutoff).ToListAsync(ct);
            if (expired.Count == 0) continue;
            await pool.RemoveAsync(expired, ct);
            purged += expired.Count;
            logger.LogInformation(
                "Retention purge: deleted {Count} retained items of organization {Organization} kept longer than {Days} days (items {Items}; {Bytes} bytes of audio)",
                expired.Count, organization.Name, organization.RetentionDays, string.Join(", ", expired.Select(i => i.Id)), expired.Sum(i => i.AudioBytes));
        }
        return purged;
    }
}
