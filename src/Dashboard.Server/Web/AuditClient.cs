using Dashboard.Server.Audit;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Dashboard;

namespace Dashboard.Server.Web;

public sealed class AuditClient(DashboardUser user) : IAuditClient
{
    public Task<AuditListResponse> ListAsync(int page, int perPage, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<AuditLog>().ListAsync(org, page, perPage, ct));
}
