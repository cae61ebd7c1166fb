using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

/// <summary>The organization's plan and data-use settings (Model Improvement Program default, retention).</summary>
public sealed class AccountSettingsService(DashboardDbContext db)
{
    public async Task<AccountSettingsDto> GetAsync(int organizationId, CancellationToken ct) =>
        ToDto(await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == organizationId, ct));

    public async Task<AccountSettingsDto> UpdateAsync(int organizationId, UpdateAccountSettingsRequest? request, CancellationToken ct)
    {
        if (request is null || (request.MipOptOut is null && request.RetentionDays is null))
            throw ApiErrors.Validation("mip_opt_out", "Send mip_opt_out (true or false), retention_days, or both.");
        if (request.RetentionDays is { } days and (< DataUsePolicy.MinimumRetentionDays or > DataUsePolicy.MaximumRetentionDays))
            throw ApiErrors.Validation("retention_days",
                $"retention_days must be between {DataUsePolicy.MinimumRetentionDays} and {DataUsePolicy.MaximumRetentionDays}.");
        var organization = await db.Organizations.FirstAsync(o => o.Id == organizationId, ct);
        organization.MipOptOut = request.MipOptOut ?? organization.MipOptOut;
        organization.RetentionDays = request.RetentionDays ?? organization.RetentionDays;
        await db.SaveChangesAsync(ct);
        return ToDto(organization);
    }

    private static AccountSettingsDto ToDto(Security.Organization o) =>
        new(o.Name, o.Plan, o.MipOptOut, o.RetentionDays, DataUsePolicy.DiscountPercent(o.Plan));
}
