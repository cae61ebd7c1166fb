using Dashboard.Server.Audit;
using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Models;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;

namespace Dashboard.Server.Web;

public sealed class ModelsClient(DashboardUser user) : IModelsClient
{
    public Task<IReadOnlyList<ModelDto>> ListAsync(TrainingStatus? status, CancellationToken ct) =>
        user.CallAsync<IReadOnlyList<ModelDto>>(async (s, org) => (await s.GetRequiredService<ModelService>().ListAsync(org, 1, 100, status, ct)).Data);

    public Task<ModelDetailDto> DetailAsync(int id, CancellationToken ct) =>
        user.CallAsync((s, org) => ModelDetailQuery.ReadAsync(s, org, id, ct));

    public Task<ModelDto> CreateAsync(CreateModelRequest request, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, (s, org) => s.GetRequiredService<ModelService>().CreateAsync(org, request, ct));

    public Task DeleteAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, async (s, org) =>
        {
            await s.GetRequiredService<ModelService>().DeleteAsync(org, id, ct);
            await s.GetRequiredService<AuditLog>().RecordAsync(await user.PrincipalAsync(), AuditActions.ModelDelete, AuditResources.Model(id), AuditResources.ModelDeleteDetail);
        });

    public Task DeleteDataAsync(int id, int fileId, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, async (s, org) =>
        {
            await s.GetRequiredService<DataUploadService>().DeleteAsync(org, id, fileId, ct);
            await s.GetRequiredService<AuditLog>().RecordAsync(await user.PrincipalAsync(), AuditActions.DataDelete, AuditResources.DataFile(id, fileId));
        });

    public Task<ModelQuotaDto> QuotaAsync(CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<BillingService>().QuotaAsync(org, ct));
}
