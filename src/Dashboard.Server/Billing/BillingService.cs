using Dashboard.Server.Data;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Shared.Billing;
using Dashboard.Shared.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Billing;

/// <summary>Read model of what an organization has used and been billed: the ledger, the plan and its limits.</summary>
public sealed class BillingService(
    DashboardDbContext db, TrainingPriceCalculator prices, IOptions<RateLimitOptions> limits, IOptions<TrainingOptions> training)
{
    public async Task<UsageResponse> UsageAsync(int organizationId, CancellationToken ct)
    {
        var entries = await db.Ledger.AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.Id).ToListAsync(ct);
        var data = entries.Select(e => new LedgerEntryDto(e.Id, e.Kind, e.Model, e.AudioSeconds, e.Amount, e.DiscountPercent,
            e.MipOptOut, e.Description, e.CreatedAt)).ToList();
        return new UsageResponse(data, data.Sum(e => e.Amount));
    }

    public async Task<ModelQuotaDto> QuotaAsync(int organizationId, CancellationToken ct)
    {
        var plan = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Plan).FirstAsync(ct);
        var used = await db.CustomModels.CountAsync(m => m.OrganizationId == organizationId, ct);
        return new ModelQuotaDto(plan, used, Plans.CustomModelLimit(plan));
    }

    public async Task<BillingOverviewDto> OverviewAsync(int organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == organizationId, ct);
        var models = await db.CustomModels.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .Include(m => m.Files).AsSplitQuery().OrderBy(m => m.Id).ToListAsync(ct);
        var hours = models.Select(m => new ModelHoursDto(m.Id, m.Name, m.TrainingStatus,
            prices.Estimate(DataFile.HoursOf(m.Files.Where(f => f.Type == Shared.Data.DataSetTypes.Train))))).ToList();
        var l = limits.Value;
        return new BillingOverviewDto(organization.Name, organization.Plan,
            new ModelQuotaDto(organization.Plan, models.Count, Plans.CustomModelLimit(organization.Plan)),
            new RateLimitsDto(l.ModelCreationsPerHour, l.TrainingStartsPerHour, l.StatusChecksPerMinute, l.DataUploadsPerHour),
            training.Value.MinimumAudioHours, hours, await UsageAsync(organizationId, ct));
    }
}
