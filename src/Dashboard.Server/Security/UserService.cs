using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Server.Security;

/// <summary>What a signed-in user may do right now: read from the database, not from a cookie that may be hours old.</summary>
public sealed record UserAccess(int OrganizationId, string Role, string? SecurityStamp)
{
    /// <summary>
    /// The session of <paramref name="user"/> still stands: the same organization, and the security stamp it signed in
    /// with (sign-out, a password reset and removal change it, which ends every tab and copy of the session).
    /// </summary>
    public bool StillAdmits(ClaimsPrincipal user) => OrganizationId.ToString() == user.FindFirstValue(DashboardClaims.OrganizationId) && HasStampOf(user);

    public bool HasStampOf(ClaimsPrincipal user) => SecurityStamp == user.SecurityStampOf();
}

public sealed class UserService(UserManager<AppUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>The command line's create-user: creates the user, or moves an existing one, with a new password and role.</summary>
    public async Task<AppUser> CreateAsync(int organizationId, string email, string password, string role)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
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
        Check(await SetRoleAsync(user, role));
        return user;
    }

    /// <summary>Each user has exactly one role.</summary>
    public async Task<IdentityResult> SetRoleAsync(AppUser user, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded) return created;
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role) return IdentityResult.Success;
        var removed = await users.RemoveFromRolesAsync(user, current);
        return removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
    }

    public async Task<UserAccess?> AccessAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        return new UserAccess(user.OrganizationId, RoleOf(await users.GetRolesAsync(user)), user.SecurityStamp);
    }

    public static string RoleOf(IEnumerable<string> roleNames) => Roles.All.FirstOrDefault(roleNames.Contains) ?? "";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
