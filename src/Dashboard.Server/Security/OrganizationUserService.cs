using System.ComponentModel.DataAnnotations;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Security;

public sealed record OrganizationUser(string Id, string Email, string Role);

/// <summary>
/// An admin's view of the organization's users. Every change keeps at least one admin: the count and the
/// change run in one transaction (on SQLite an immediate one, so two admins demoting each other serialize).
/// </summary>
public sealed class OrganizationUserService(DashboardDbContext db, UserManager<AppUser> users, UserService userService)
{
    public async Task<IReadOnlyList<OrganizationUser>> ListAsync(int organizationId, CancellationToken ct)
    {
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return members.Select(u => new OrganizationUser(u.Id, u.Email ?? "", UserService.RoleOf(u.Roles)))
            .OrderBy(u => Roles.All.ToList().IndexOf(u.Role)).ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<OrganizationUser> AddAsync(int organizationId, string? email, string? password, string? role, CancellationToken ct)
    {
        var address = email?.Trim() ?? "";
        if (!new EmailAddressAttribute().IsValid(address) || address.Length is 0 or > 256)
            throw ApiErrors.Validation("email", "Enter a valid email address, e.g. name@example.com.");
        CheckRole(role);
        if (await users.FindByEmailAsync(address) is not null)
            throw ApiErrors.Validation("email", $"{address} already has an account.");
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null; // or the caller's (set-up)
        var user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, OrganizationId = organizationId };
        Check(await users.CreateAsync(user, password ?? ""), "password");
        Check(await userService.SetRoleAsync(user, role!), "role");
        if (tx is not null) await tx.CommitAsync(ct);
        return new OrganizationUser(user.Id, address, role!);
    }

    public async Task ChangeRoleAsync(int organizationId, string userId, string? role, CancellationToken ct)
    {
        CheckRole(role);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (user, current) = await FindAsync(organizationId, userId);
        if (current == role) return;
        if (current == Roles.Admin) await KeepAnAdminAsync(organizationId, user, "change the role of");
        Check(await userService.SetRoleAsync(user, role!), "role");
        await tx.CommitAsync(ct);
    }

    public async Task RemoveAsync(int organizationId, string actingUserId, string userId, CancellationToken ct)
    {
        if (userId == actingUserId) throw ApiErrors.UserConflict(userId, "You cannot remove yourself; another admin can.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (user, current) = await FindAsync(organizationId, userId);
        if (current == Roles.Admin) await KeepAnAdminAsync(organizationId, user, "remove");
        Check(await users.DeleteAsync(user), "user");
        await tx.CommitAsync(ct);
    }

    /// <summary>An admin's reset: the member gets a temporary password (shown once) and is signed out everywhere.</summary>
    public async Task<string> ResetPasswordAsync(int organizationId, string userId, CancellationToken ct)
    {
        var (user, _) = await FindAsync(organizationId, userId);
        var temporary = Accounts.PasswordPolicy.Temporary();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, temporary), "password");
        return temporary;
    }

    /// <summary>Another organization's user is "not found", never "forbidden": ids of other organizations stay unknown.</summary>
    private async Task<(AppUser User, string Role)> FindAsync(int organizationId, string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.OrganizationId != organizationId) throw ApiErrors.NotFound("User", userId);
        return (user, UserService.RoleOf(await users.GetRolesAsync(user)));
    }

    private async Task KeepAnAdminAsync(int organizationId, AppUser admin, string action)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count(u => u.OrganizationId == organizationId) <= 1)
            throw ApiErrors.UserConflict(admin.Id, $"You cannot {action} {admin.Email}: an organization needs at least one admin. Make someone else admin first.");
    }

    private static void CheckRole(string? role)
    {
        if (role is null || !Roles.All.Contains(role))
            throw ApiErrors.Validation("role", $"Choose a role: {string.Join(", ", Roles.All)}.");
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw ApiErrors.Validation(field, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
