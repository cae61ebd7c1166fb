using Dashboard.Server.Security;
using Dashboard.Shared.Dashboard;

namespace Dashboard.Server.Web;

/// <summary>The organization's users; every call checks that the caller is an admin now.</summary>
public sealed class UsersClient(DashboardUser user) : IUsersClient
{
    public async Task<IReadOnlyList<OrganizationUserDto>> ListAsync(CancellationToken ct)
    {
        var me = await user.UserIdAsync();
        return await user.CallAsync<IReadOnlyList<OrganizationUserDto>>(DashboardUser.Admins, async (s, org) =>
            (await s.GetRequiredService<OrganizationUserService>().ListAsync(org, ct)).Select(u => ToDto(u, me)).ToList());
    }

    public async Task<OrganizationUserDto> AddAsync(NewUserRequest request, CancellationToken ct)
    {
        var me = await user.UserIdAsync();
        return await user.CallAsync(DashboardUser.Admins, async (s, org) =>
            ToDto(await s.GetRequiredService<OrganizationUserService>().AddAsync(org, request.Email, request.Password, request.Role, ct), me));
    }

    public Task ChangeRoleAsync(string userId, string role, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<OrganizationUserService>().ChangeRoleAsync(org, userId, role, ct));

    public async Task RemoveAsync(string userId, CancellationToken ct)
    {
        var me = await user.UserIdAsync();
        await user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<OrganizationUserService>().RemoveAsync(org, me, userId, ct));
    }

    public async Task<string> ResetPasswordAsync(string userId, CancellationToken ct)
    {
        var me = await user.UserIdAsync();
        if (userId == me) throw Errors.ApiErrors.UserConflict(userId, "Change your own password on your account page.");
        return await user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<OrganizationUserService>().ResetPasswordAsync(org, userId, ct));
    }

    private static OrganizationUserDto ToDto(OrganizationUser u, string me) => new(u.Id, u.Email, u.Role, u.Id == me);
}
