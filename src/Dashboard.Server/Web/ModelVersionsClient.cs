using Dashboard.Server.Versions;
using Dashboard.Shared.Versions;

namespace Dashboard.Server.Web;

public sealed class ModelVersionsClient(DashboardUser user) : IModelVersionsClient
{
    public Task<ModelVersionsResponse> ServeAsync(int modelId, int version, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, async (s, org) =>
            await s.GetRequiredService<ModelVersionService>().ServeAsync(org, modelId, version, await user.PrincipalAsync(), ct));
}
