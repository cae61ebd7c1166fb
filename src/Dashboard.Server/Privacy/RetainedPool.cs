using System.Text;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

/// <summary>What a participating request leaves in the pool: its audio (if any, stored by <paramref name="StoreAudio"/> under the key it is given) and its transcript.</summary>
public sealed record RetainedRequest(string Kind, string? Model, double AudioSeconds, string Transcript,
    Func<string, CancellationToken, Task>? StoreAudio = null, long AudioBytes = 0, string? AudioFormat = null);

/// <summary>
/// The organization's retained pool: participating requests' audio and transcripts, kept as blobs through
/// <see cref="IBlobStorage"/> (so they are encrypted at rest with everything else) and listed, played and deleted here.
/// </summary>
public sealed class RetainedPool(DashboardDbContext db, IBlobStorage storage, TimeProvider clock, ILogger<RetainedPool> logger)
{
    public static string Folder(int organizationId) => $"pool/{organizationId}";

    /// <summary>Keeps the request when the decision says it participates; returns the new item's id, or null when nothing was kept.</summary>
    public async Task<int?> KeepAsync(MipDecision decision, RetainedRequest request, CancellationToken ct)
    {
        if (decision.OptOut) return null;
        var id = Guid.NewGuid();
        var item = new RetainedItem
        {
            OrganizationId = decision.OrganizationId, Kind = request.Kind, Model = request.Model,
            AudioSeconds = Math.Round(request.AudioSeconds, 2), AudioFormat = request.AudioFormat,
            TranscriptBlob = $"{Folder(decision.OrganizationId)}/{id:N}.txt", CreatedAt = clock.GetUtcNow(),
        };
        try
        {
            if (request.StoreAudio is { } store)
            {
                item.AudioBlob = $"{Folder(decision.OrganizationId)}/{id:N}.audio";
                await store(item.AudioBlob, ct);
                item.AudioBytes = request.AudioBytes;
            }
            var text = Encoding.UTF8.GetBytes(request.Transcript);
            await storage.WriteAsync(item.TranscriptBlob, new MemoryStream(text), ct);
            item.TranscriptBytes = text.Length;
            db.RetainedItems.Add(item);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            DeleteBlobs(item);
            throw;
        }
        logger.LogInformation("Kept {Kind} request of organization {OrganizationId} in the retained pool as item {ItemId}",
            item.Kind, item.OrganizationId, item.Id);
        return item.Id;
    }

    public async Task<RetainedItemListResponse> ListAsync(int organizationId, int page, int perPage, CancellationToken ct)
    {
        Paging.Validate(page, perPage);
        var retentionDays = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.RetentionDays).FirstAsync(ct);
        var query = db.RetainedItems.AsNoTracking().Where(i => i.OrganizationId == organizationId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        var data = new List<RetainedItemDto>(items.Count);
        foreach (var i in items)
            data.Add(new RetainedItemDto(i.Id, i.Kind, i.Model, i.AudioBlob is not null, i.AudioSeconds, i.AudioBytes,
                await ReadTranscriptAsync(i, ct), i.CreatedAt, i.CreatedAt.AddDays(retentionDays)));
        return new RetainedItemListResponse(data, page, perPage, total);
    }

    /// <summary>An item of the organization; another organization's is "not found".</summary>
    public async Task<RetainedItem> FindAsync(int organizationId, int id, CancellationToken ct) =>
        await db.RetainedItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.OrganizationId == organizationId, ct)
        ?? throw ApiErrors.NotFound("Retained item", id);

    public async Task<string> ReadTranscriptAsync(RetainedItem item, CancellationToken ct)
    {
        using var reader = new StreamReader(storage.OpenRead(item.TranscriptBlob), Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    public Stream OpenAudio(RetainedItem item) =>
        item.AudioBlob is { } key ? storage.OpenRead(key) : throw ApiErrors.NotFound("Audio of retained item", item.Id);

    public async Task DeleteAsync(int organizationId, int id, CancellationToken ct)
    {
        var item = await FindAsync(organizationId, id, ct);
        await RemoveAsync([item], ct);
    }

    /// <summary>Removes the rows first (so no listed item lacks its blobs), then the blobs.</summary>
    public async Task RemoveAsync(IReadOnlyList<RetainedItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        await db.RetainedItems.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
        foreach (var item in items) DeleteBlobs(item);
    }

    private void DeleteBlobs(RetainedItem item)
    {
        foreach (var key in new[] { item.AudioBlob, item.TranscriptBlob })
            if (key is not null && storage.Exists(key)) storage.Delete(key);
    }
}
