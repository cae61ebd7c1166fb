using System.Security.Claims;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Web;

/// <summary>
/// A circuit keeps the principal it started with for as long as the tab is open. This re-reads the user every
/// Sessions:RefreshSeconds: a changed role replaces the principal (menus, buttons and [Authorize] pages follow
/// at once, no new sign-in); a removed user, or a session ended elsewhere (sign-out in another tab, a password reset:
/// a new security stamp), becomes anonymous and is sent to the sign-in page.
/// </summary>
public sealed class RefreshingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly IServiceScopeFactory scopes;
    private readonly TimeSpan interval;
    private readonly ILogger<RefreshingAuthenticationStateProvider> logger;
    private readonly CancellationTokenSource stop = new();
    private Task? loop;

    public RefreshingAuthenticationStateProvider(
        IServiceScopeFactory scopes, IOptions<SessionRefreshOptions> options, ILogger<RefreshingAuthenticationStateProvider> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        interval = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        AuthenticationStateChanged += _ => loop ??= RefreshLoopAsync(stop.Token);
    }

    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, ct);
                var user = (await GetAuthenticationStateAsync()).User;
                if (user.Identity?.IsAuthenticated != true) return;
                if (await FreshPrincipalAsync(user) is { } fresh) SetAuthenticationState(Task.FromResult(new AuthenticationState(fresh)));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not refresh the signed-in user; trying again in {Interval}", interval);
            }
        }
    }

    /// <summary>A new principal when the user's role or organization changed or the user is gone; null when nothing changed.</summary>
    private async Task<ClaimsPrincipal?> FreshPrincipalAsync(ClaimsPrincipal user)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var access = await services.GetRequiredService<UserService>().AccessAsync(userId);
        if (access is null || !access.HasStampOf(user)) return new ClaimsPrincipal(new ClaimsIdentity()); // removed, signed out or password reset
        if (access.StillAdmits(user) && user.IsInRole(access.Role)) return null;
        var appUser = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
        return appUser is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(appUser);
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
