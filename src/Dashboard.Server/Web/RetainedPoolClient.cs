using Dashboard.Server.Privacy;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Data;
using Dashboard.Shared.Privacy;

namespace Dashboard.Server.Web;

public sealed class RetainedPoolClient(DashboardUser user) : IRetainedPoolClient
{
    public Task<RetainedItemListResponse> ListAsync(int page, int perPage, CancellationToken ct) =>
        user.CallAsync(async (s, _) => await s.GetRequiredService<AuditedPool>().ListAsync(await user.PrincipalAsync(), page, perPage, ct));

    public Task DeleteAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, async (s, _) => await s.GetRequiredService<AuditedPool>().DeleteAsync(await user.PrincipalAsync(), id, ct));

    public Task<UploadResponse> AddToModelAsync(int id, AddToModelRequest request, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, async (s, _) => await s.GetRequiredService<AuditedPool>().AddToModelAsync(await user.PrincipalAsync(), id, request, ct));
}
