using System.Security.Claims;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Security;

/// <summary>Puts the organization (id, name, plan) into the sign-in cookie beside the roles, so every request knows its scope.</summary>
public sealed class DashboardClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, DashboardDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == user.OrganizationId);
        identity.AddClaim(new Claim(DashboardClaims.OrganizationId, organization.Id.ToString()));
        identity.AddClaim(new Claim(DashboardClaimTypes.OrganizationName, organization.Name));
        identity.AddClaim(new Claim(DashboardClaims.Plan, organization.Plan));
        return identity;
    }
}
