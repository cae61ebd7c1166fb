using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Data;
using Dashboard.Shared.Privacy;

namespace Dashboard.Server.Privacy;

/// <summary>What a caller (API key or dashboard user) does with the pool, each action written to the audit log.</summary>
public sealed class AuditedPool(RetainedPool pool, PoolTrainingData training, AuditLog audit)
{
    public async Task<RetainedItemListResponse> ListAsync(ClaimsPrincipal who, int page, int perPage, CancellationToken ct)
    {
        var items = await pool.ListAsync(who.OrganizationIdOf(), page, perPage, ct);
        var listed = items.Data.Count == 0 ? "no items" : "items " + string.Join(", ", items.Data.Select(i => i.Id));
        await audit.RecordAsync(who, AuditActions.PoolRead, AuditResources.Pool, $"page {items.Page}: {listed}");
        return items;
    }

    public async Task<(RetainedItem Item, Stream Audio)> OpenAudioAsync(ClaimsPrincipal who, int id, CancellationToken ct)
    {
        var item = await pool.FindAsync(who.OrganizationIdOf(), id, ct);
        var audio = pool.OpenAudio(item);
        await audit.RecordAsync(who, AuditActions.PoolDownload, AuditResources.PoolItem(id));
        return (item, audio);
    }

    public async Task DeleteAsync(ClaimsPrincipal who, int id, CancellationToken ct)
    {
        await pool.DeleteAsync(who.OrganizationIdOf(), id, ct);
        await audit.RecordAsync(who, AuditActions.PoolDelete, AuditResources.PoolItem(id));
    }

    public async Task<UploadResponse> AddToModelAsync(ClaimsPrincipal who, int id, AddToModelRequest? request, CancellationToken ct)
    {
        var added = await training.AddToModelAsync(who.OrganizationIdOf(), id, request, ct);
        await audit.RecordAsync(who, AuditActions.PoolAddToModel, AuditResources.PoolItem(id),
            $"to {AuditResources.Model(added.Model.Id)} as {added.File.Type} data file {added.File.Id}");
        return added;
    }
}
