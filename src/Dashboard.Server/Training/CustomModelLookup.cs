using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;

namespace Dashboard.Server.Training;

/// <summary>Finds the aggregate within one organization: another organization's model is not found (404, never 403).</summary>
public static class CustomModelLookup
{
    /// <remarks>
    /// FindAsync: a model this scope already tracks is not read again (a query would return that same instance anyway),
    /// so services composed in one scope, as the model page's detail call does, read the row once.
    /// </remarks>
    public static async Task<CustomModel> FindModelAsync(this DashboardDbContext db, int organizationId, int id, CancellationToken ct) =>
        await db.CustomModels.FindAsync([id], ct) is { } model && model.OrganizationId == organizationId
            ? model
            : throw ApiErrors.ModelNotFound(id);
}
