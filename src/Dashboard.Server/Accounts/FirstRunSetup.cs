using System.Data;
using System.Data.Common;
using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Shared.Billing;
using Dashboard.Shared.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Accounts;

/// <summary>
/// A fresh install has no organization and no user: the first visitor creates an organization, its plan and the first
/// admin, and from then on set-up is closed for good. An install used through the API first (create-api-key made an
/// organization) is not fresh: its first user comes from the operator's create-user, never from a visitor, and set-up
/// never attaches anyone to an organization that exists.
/// </summary>
public sealed class FirstRunSetup(DashboardDbContext db, UserManager<AppUser> users, OrganizationService organizations, OrganizationUserService members)
    : IFirstRunSetup
{
    // Two browsers submitting at once on one node queue here; across nodes the serializable transaction decides.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<FirstRunState> StateAsync(CancellationToken ct) =>
        await users.Users.AnyAsync(ct) ? FirstRunState.Done
        : await db.Organizations.AnyAsync(ct) ? FirstRunState.AwaitingFirstUser
        : FirstRunState.Open;

    public async Task<AppUser> CompleteAsync(SetupForm form, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            if (await StateAsync(ct) != FirstRunState.Open) throw Closed();
            var (organization, plan) = await ValidateAsync(form);
            try
            {
                return await CreateFirstAdminAsync(organization, plan, form, ct);
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await StateAsync(ct) != FirstRunState.Open) throw Closed(); // another node finished set-up first
                throw;
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// One serializable transaction re-checks that nothing exists and creates both (on SQLite an immediate transaction,
    /// so a second node waits and then sees the first one's organization; on PostgreSQL the later commit fails).
    /// </summary>
    private async Task<AppUser> CreateFirstAdminAsync(string organization, string plan, SetupForm form, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        if (await StateAsync(ct) != FirstRunState.Open) throw Closed();
        var created = await organizations.CreateAsync(organization, plan, ct);
        var admin = await members.AddAsync(created.Id, form.Email, form.Password, Roles.Admin, ct);
        await tx.CommitAsync(ct);
        return (await users.FindByIdAsync(admin.Id))!;
    }

    private async Task<(string Organization, string Plan)> ValidateAsync(SetupForm form)
    {
        var organization = form.Organization?.Trim();
        if (string.IsNullOrEmpty(organization) || organization.Length > 100)
            throw ApiErrors.Validation("organization", "Name the organization (at most 100 characters).");
        if (form.Plan is null || !Plans.All.Contains(form.Plan))
            throw ApiErrors.Validation("plan", $"Choose a plan: {string.Join(", ", Plans.All)}.");
        if (form.Password != form.ConfirmPassword)
            throw ApiErrors.Validation("confirm_password", "The two passwords differ.");
        await PasswordPolicy.CheckAsync(users, form.Password, "password");
        return (organization, form.Plan);
    }

    private static ApiException Closed() => ApiErrors.NotFound("Set-up", "page");
}

public sealed record SetupForm(string? Organization, string? Plan, string? Email, string? Password, string? ConfirmPassword);
