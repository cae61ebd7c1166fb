using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Dashboard.Shared.Billing;
using Dashboard.Shared.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Accounts;

/// <summary>
/// A fresh install has no user: the first visitor creates the organization, its plan and the first admin, and from
/// then on set-up is closed for good (it opens only while the user table is empty).
/// </summary>
public sealed class FirstRunSetup(UserManager<AppUser> users, OrganizationService organizations, OrganizationUserService members)
    : IFirstRunSetup
{
    // Two browsers submitting at once on one node must not both become "the first" admin.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public Task<bool> IsOpenAsync(CancellationToken ct) => IsOpenCoreAsync(ct);

    public async Task<AppUser> CompleteAsync(SetupForm form, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            if (!await IsOpenCoreAsync(ct)) throw ApiErrors.NotFound("Set-up", "page");
            var organization = form.Organization?.Trim();
            if (string.IsNullOrEmpty(organization) || organization.Length > 100)
                throw ApiErrors.Validation("organization", "Name the organization (at most 100 characters).");
            if (form.Plan is null || !Plans.All.Contains(form.Plan))
                throw ApiErrors.Validation("plan", $"Choose a plan: {string.Join(", ", Plans.All)}.");
            if (form.Password != form.ConfirmPassword)
                throw ApiErrors.Validation("confirm_password", "The two passwords differ.");
            await PasswordPolicy.CheckAsync(users, form.Password, "password");
            var created = await organizations.GetOrCreateAsync(organization, form.Plan, ct);
            var admin = await members.AddAsync(created.Id, form.Email, form.Password, Roles.Admin, ct);
            return (await users.FindByIdAsync(admin.Id))!;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<bool> IsOpenCoreAsync(CancellationToken ct) => !await users.Users.AnyAsync(ct);
}

public sealed record SetupForm(string? Organization, string? Plan, string? Email, string? Password, string? ConfirmPassword);
