using Dashboard.Server.Billing;
using Dashboard.Shared.Dashboard;

namespace Dashboard.Server.Web;

public sealed class BillingClient(DashboardUser user) : IBillingClient
{
    public Task<BillingOverviewDto> OverviewAsync(CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<BillingService>().OverviewAsync(org, ct));
}
