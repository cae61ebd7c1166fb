using Dashboard.Server.Privacy;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Privacy;

namespace Dashboard.Server.Web;

public sealed class AccountSettingsClient(DashboardUser user) : IAccountSettingsClient
{
    public Task<AccountSettingsDto> GetAsync(CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<AccountSettingsService>().GetAsync(org, ct));

    public Task<AccountSettingsDto> UpdateAsync(UpdateAccountSettingsRequest request, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<AccountSettingsService>().UpdateAsync(org, request, ct));
}
