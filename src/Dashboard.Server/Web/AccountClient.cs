using Dashboard.Server.Accounts;
using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Dashboard.Shared.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Web;

/// <summary>The signed-in user's own password, and the organization's plan within what the operator allows.</summary>
public sealed class AccountClient(DashboardUser user) : IAccountClient
{
    public async Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct)
    {
        var userId = await user.UserIdAsync();
        await user.CallAsync(null, async (s, _) =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var me = await users.FindByIdAsync(userId) ?? throw ApiErrors.NotFound("User", userId);
            if (!await users.CheckPasswordAsync(me, currentPassword)) throw ApiErrors.Validation("current_password", "Your current password is not correct.");
            await PasswordPolicy.CheckAsync(users, newPassword, "new_password");
            var changed = await users.ChangePasswordAsync(me, currentPassword, newPassword);
            if (!changed.Succeeded) throw ApiErrors.Validation("new_password", string.Join(" ", changed.Errors.Select(e => e.Description)));
        });
    }

    public Task<PlanChoicesDto> GetPlanChoicesAsync(CancellationToken ct) =>
        user.CallAsync(null, async (s, org) => Choices(await PlanOfAsync(s, org, ct), s));

    public Task<PlanChoicesDto> ChangePlanAsync(string plan, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, async (s, org) =>
        {
            if (!Allowed(s).Contains(plan)) throw ApiErrors.Validation("plan", $"Your operator allows these plans: {string.Join(", ", Allowed(s))}.");
            await s.GetRequiredService<OrganizationService>().ChangePlanAsync(org, plan, ct);
            return Choices(plan, s);
        });

    private static async Task<string> PlanOfAsync(IServiceProvider services, int organizationId, CancellationToken ct) =>
        (await services.GetRequiredService<OrganizationService>().FindAsync(organizationId, ct))?.Plan ?? "";

    private static IReadOnlyList<string> Allowed(IServiceProvider services) => services.GetRequiredService<IOptions<AccountOptions>>().Value.Allowed;

    private static PlanChoicesDto Choices(string current, IServiceProvider services) => new(current, Allowed(services));
}
