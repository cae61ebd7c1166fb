using Dashboard.Server.Storage;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

public sealed record OrganizationDeleted(string Name, int Models, int DataFiles, int RetainedItems);

/// <summary>
/// `delete-org --org NAME`: every model (through the model service: runs unscheduled, rows and files removed), the
/// retained pool, then the organization row, whose foreign keys take keys, users, ledger and audit entries with it.
/// </summary>
public sealed class OrganizationDeletion(DashboardDbContext db, ModelService models, IBlobStorage storage)
{
    /// <returns>What was deleted, or null when no organization has that name.</returns>
    public async Task<OrganizationDeleted?> DeleteAsync(string name, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (organization is null) return null;
        var modelIds = await db.CustomModels.Where(m => m.OrganizationId == organization.Id).Select(m => m.Id).ToListAsync(ct);
        var dataFiles = await db.DataFiles.CountAsync(f => modelIds.Contains(f.ModelId), ct);
        foreach (var id in modelIds) await models.DeleteAsync(organization.Id, id, ct);
        var retained = await db.RetainedItems.Where(i => i.OrganizationId == organization.Id).ExecuteDeleteAsync(ct);
        storage.DeleteFolder(RetainedPool.Folder(organization.Id));
        db.Organizations.Remove(organization);
        await db.SaveChangesAsync(ct);
        return new OrganizationDeleted(organization.Name, modelIds.Count, dataFiles, retained);
    }
}
