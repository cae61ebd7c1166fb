using System.Security.Claims;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Shared.Audit;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Audit;

/// <summary>Writes and reads the organization's audit log. An entry is saved at once, on its own.</summary>
public sealed class AuditLog(DashboardDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal who, string action, string resource, string? detail = null)
    {
        var (kind, actor) = await ActorAsync(who);
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = who.OrganizationIdOf(), ActorKind = kind, Actor = actor,
            Action = action, Resource = resource, Detail = detail, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(CancellationToken.None); // the access happened: record it even if the client has gone
    }

    public async Task<AuditListResponse> ListAsync(int organizationId, int page, int perPage, CancellationToken ct)
    {
        Paging.Validate(page, perPage);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * perPage).Take(perPage)
            .Select(e => new AuditEntryDto(e.Id, e.ActorKind, e.Actor, e.Action, e.Resource, e.Detail, e.CreatedAt)).ToListAsync(ct);
        return new AuditListResponse(entries, page, perPage, total);
    }

    private async Task<(string Kind, string Actor)> ActorAsync(ClaimsPrincipal who)
    {
        if (who.FindFirstValue(DashboardClaims.ApiKeyId) is { } keyId && int.TryParse(keyId, out var id))
        {
            var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == id).Select(k => new { k.Name, k.Prefix }).FirstOrDefaultAsync();
            return (AuditActorKinds.ApiKey, key is null ? $"API key {id}" : $"API key '{key.Name}' ({key.Prefix}…)");
        }
        return (AuditActorKinds.User, who.Identity?.Name ?? who.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown user");
    }
}
