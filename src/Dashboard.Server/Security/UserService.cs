using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Security;

public sealed class UserService(UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<AppUser> CreateAsync(int organizationId, string email, string password, string role)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, OrganizationId = organizationId };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            user.OrganizationId = organizationId;
            Check(await users.UpdateAsync(user));
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
        }
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
