using Dashboard.Server.Persistence;
using Dashboard.Server.Privacy;
using Dashboard.Shared.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

public sealed class OrganizationService(DashboardDbContext db, TimeProvider clock, IOptions<PrivacyOptions> privacy)
{
    public async Task<Organization> GetOrCreateAsync(string name, string plan, CancellationToken ct)
    {
        if (!Plans.All.Contains(plan)) throw new ArgumentException($"Unknown plan '{plan}'. Plans: {string.Join(", ", Plans.All)}.");
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (organization is null)
        {
            organization = new Organization { Name = name, Plan = plan, RetentionDays = privacy.Value.RetentionDays, CreatedAt = clock.GetUtcNow() };
            db.Organizations.Add(organization);
        }
        organization.Plan = plan;
        await db.SaveChangesAsync(ct);
        return organization;
    }

    /// <summary>A new organization; refused (400) when one of that name exists, so a caller never attaches to it by accident.</summary>
    public async Task<Organization> CreateAsync(string name, string plan, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Name == name, ct))
            throw Errors.ApiErrors.Validation("organization", $"An organization named '{name}' exists already; choose another name.");
        var organization = new Organization { Name = name, Plan = plan, RetentionDays = privacy.Value.RetentionDays, CreatedAt = clock.GetUtcNow() };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization;
    }

    public Task ChangePlanAsync(int organizationId, string plan, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Plan, plan), ct);

    public Task<Organization?> FindByNameAsync(string name, CancellationToken ct) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == name, ct);

    public Task<Organization?> FindAsync(int id, CancellationToken ct) =>
        db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
}
