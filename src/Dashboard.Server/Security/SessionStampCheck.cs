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
/// not after Sessions:RefreshSeconds. One indexed read, and none on the requests where Identity's own validator (every
/// Sessions:RefreshSeconds) has just read the user to re-check the stamp, roles and organization.
/// </summary>
public static class SessionStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // Rejected by Identity's validator, or renewed by it: then it compared the stamp with the user's row just now.
        if (context.Principal is not { } principal || context.ShouldRenew) return;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<DashboardDbContext>();
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is not null && stamp == principal.SecurityStampOf()) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
