using System.Security.Claims;
using Dashboard.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Security;

/// <summary>
/// Every request with the sign-in cookie: the user's security stamp must still be the one the cookie was issued with, so
/// signing out (which gives a new stamp), a password reset or the user's removal ends every copy of the cookie at once,
/// not after Sessions:RefreshSeconds. One indexed read; Identity's own validator still re-reads roles and organization
/// every Sessions:RefreshSeconds.
/// </summary>
public static class SessionStampCheck
{
    private static readonly string StampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal) return; // rejected by Identity's validator
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<DashboardDbContext>();
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is not null && stamp == principal.FindFirstValue(StampClaim)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
