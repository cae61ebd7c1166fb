using Dashboard.Server.Persistence;
using Dashboard.Shared.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Privacy;

/// <summary>What the Model Improvement Program decided for one request.</summary>
/// <param name="OptOut">True: nothing of the request is kept beyond serving it.</param>
/// <param name="ByAccount">The organization's account-level opt-out decided it, whatever the request said.</param>
/// <param name="DiscountPercent">The participation discount the request earns (0 when opted out).</param>
public sealed record MipDecision(int OrganizationId, string Plan, bool OptOut, bool ByAccount, int DiscountPercent)
{
    public bool Participates => !OptOut;
}

/// <summary>
/// The one place that decides whether a request takes part in the Model Improvement Program, for every request kind
/// (stt, listen, data uploads, text data, archives): the account-level opt-out wins; otherwise the request's
/// <c>mip_opt_out</c>; otherwise it participates.
/// </summary>
public sealed class MipPolicy(DashboardDbContext db)
{
    public async Task<MipDecision> DecideAsync(int organizationId, bool? requestOptOut, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId).Select(o => new { o.Plan, o.MipOptOut }).FirstAsync(ct);
        var optOut = organization.MipOptOut || requestOptOut == true;
        return new MipDecision(organizationId, organization.Plan, optOut, organization.MipOptOut,
            optOut ? 0 : DataUsePolicy.DiscountPercent(organization.Plan));
    }

    /// <summary>Parses the request's <c>mip_opt_out</c> (400 VALIDATION_FAILED for anything but true/false/1/0) and decides.</summary>
    public Task<MipDecision> DecideAsync(int organizationId, string? mipOptOut, CancellationToken ct) =>
        DecideAsync(organizationId, MipOptOutFlag.Parse(mipOptOut), ct);
}
