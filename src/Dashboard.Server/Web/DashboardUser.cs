using System.Security.Claims;
using Dashboard.Server.Errors;
using Dashboard.Server.Security;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Errors;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Server.Web;

/// <summary>
/// The signed-in user of one circuit, and the one way the dashboard's clients call server services:
/// a fresh DI scope per call (a circuit lives for hours; a DbContext must not), the user's organization,
/// a role check, and API errors turned into <see cref="DashboardException"/> for the pages.
/// </summary>
public sealed class DashboardUser(AuthenticationStateProvider authentication, IServiceScopeFactory scopes)
{
    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(DashboardClaims.OrganizationId) is null)
            throw new DashboardException(Envelope(ApiErrors.Unauthorized("Sign in to use the dashboard.")));
        return user;
    }

    public async Task<int> OrganizationIdAsync() => (await PrincipalAsync()).OrganizationIdOf();

    public Task<T> CallAsync<T>(Func<IServiceProvider, int, Task<T>> call) => CallAsync(null, call);

    /// <param name="roles">Roles allowed to make this call; null for every signed-in user.</param>
    /// <param name="call">The call, given the request's services and the caller's organization id.</param>
    /// <remarks>
    /// The role and organization come from the database on every call, not from the circuit's principal:
    /// a demoted or removed user loses the right at once, even in a tab opened hours ago.
    /// </remarks>
    public async Task<T> CallAsync<T>(string[]? roles, Func<IServiceProvider, int, Task<T>> call)
    {
        var user = await PrincipalAsync();
        await using var scope = scopes.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<UserService>().AccessAsync(UserIdOf(user));
        if (access is null || !access.StillAdmits(user))
            throw new DashboardException(Envelope(ApiErrors.Unauthorized("Your account no longer has access; sign in again.")));
        if (roles is not null && !roles.Contains(access.Role))
            throw new DashboardException(Envelope(ApiErrors.Forbidden("Your role does not allow this action.")));
        try
        {
            return await call(scope.ServiceProvider, access.OrganizationId);
        }
        catch (ApiException e)
        {
            throw new DashboardException(Envelope(e));
        }
    }

    public async Task<string> UserIdAsync() => UserIdOf(await PrincipalAsync());

    private static string UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public Task CallAsync(string[]? roles, Func<IServiceProvider, int, Task> call) =>
        CallAsync<bool>(roles, async (services, organizationId) =>
        {
            await call(services, organizationId);
            return true;
        });

    public static readonly string[] Trainers = [Roles.Admin, Roles.Member];
    public static readonly string[] Admins = [Roles.Admin];

    private static ErrorResponse Envelope(ApiException e) => new(e.Error, e.Message, e.ErrorCode, e.Details);
}
