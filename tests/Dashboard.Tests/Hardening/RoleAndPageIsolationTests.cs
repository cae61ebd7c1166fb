using System.Net;
using System.Security.Claims;
using Dashboard.Server.Security;
using Dashboard.Server.Web;
using Dashboard.Shared.Dashboard;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>Roles are enforced by the server on every route (not only hidden in pages), and pages show nothing of another organization.</summary>
[Trait("Category", "api")]
public sealed class RoleAndPageIsolationTests(HardeningFactory factory) : IClassFixture<HardeningFactory>
{
    public static TheoryData<string> WriteRoutes => ApiRouteTable.Keys(c => c.Method != "GET");

    /// <summary>A signed-in user of the owner's organization, calling the API with the dashboard's own cookie and XHR header.</summary>
    private async Task<HttpClient> UserAsync(string role, string organization = "owner")
    {
        var email = $"{role}-{Guid.NewGuid():N}@{organization}.test";
        await CookieSession.CreateUserAsync(factory, organization, email, role);
        var client = await CookieSession.SignInAsync(factory, email);
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        return client;
    }

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task AViewer_CannotChangeAnything_OnAnyRoute(string key)
    {
        var walk = await factory.WalkAsync();
        using var viewer = await UserAsync("viewer");
        using var request = ApiRouteTable.Request(ApiRouteTable.Get(key), walk.Ids, walk.Valid);

        var error = await viewer.AssertRefusedAsync(factory, request, $"{key} by a viewer");

        Assert.True((string?)error["error_code"] is "FORBIDDEN" or "UNAUTHORIZED", error.ToJsonString());
    }

    [Fact]
    public async Task AMember_CannotChangeTheAccountSettings_ButAnAdminCan()
    {
        var walk = await factory.WalkAsync();
        using var member = await UserAsync("member");
        using var admin = await UserAsync("admin");
        var route = ApiRouteTable.Get("POST /api/v3/account");

        var error = await member.AssertRefusedAsync(factory, ApiRouteTable.Request(route, walk.Ids, walk.Valid), "account change by a member");
        var allowed = await admin.SendAsync(ApiRouteTable.Request(route, walk.Ids, walk.Valid));

        Assert.Equal("FORBIDDEN", (string?)error["error_code"]);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task AMember_CannotListCreateOrRevokeKeys_NorManageUsers()
    {
        await factory.WalkAsync();
        var email = $"member-{Guid.NewGuid():N}@owner.test";
        await CookieSession.CreateUserAsync(factory, "owner", email, "member");
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        var member = new DashboardUser(new SignedInCircuit(principal), factory.Services.GetRequiredService<IServiceScopeFactory>());
        var keys = new KeysClient(member);
        var users = new UsersClient(member);
        var keysBefore = await factory.QueryAsync(db => Task.FromResult(db.ApiKeys.Count()));

        var list = await Assert.ThrowsAsync<DashboardException>(() => keys.ListAsync(CancellationToken.None));
        var create = await Assert.ThrowsAsync<DashboardException>(() => keys.CreateAsync("stolen", CancellationToken.None));
        var revoke = await Assert.ThrowsAsync<DashboardException>(() => keys.RevokeAsync(1, CancellationToken.None));
        var listUsers = await Assert.ThrowsAsync<DashboardException>(() => users.ListAsync(CancellationToken.None));

        Assert.All(new[] { list, create, revoke, listUsers }, e => Assert.Equal("FORBIDDEN", e.Error.ErrorCode));
        Assert.Equal(keysBefore, await factory.QueryAsync(db => Task.FromResult(db.ApiKeys.Count())));
    }

    [Theory]
    [InlineData("/models/{id}")]
    [InlineData("/models/{trained}")]
    public async Task AnotherOrganizationsUser_SeesNothingOfTheModelPage(string page)
    {
        var walk = await factory.WalkAsync();
        using var stranger = await UserAsync("admin", "stranger");
        var owners = await (await walk.Owner.GetAsync($"/api/v3/custom_models/{walk.Ids.TrainedModel}")).Content.ReadAsStringAsync();

        var html = await stranger.GetStringAsync(page.Replace("{id}", walk.Ids.ReadyModel.ToString(), StringComparison.Ordinal)
            .Replace("{trained}", walk.Ids.TrainedModel.ToString(), StringComparison.Ordinal));

        Assert.Contains("Owner trained", owners, StringComparison.Ordinal);
        Assert.Contains("This model does not exist", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner trained", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner ready", html, StringComparison.Ordinal);
    }

    /// <summary>The sign-in state a circuit would have for this user (the real principal from Identity's claims factory).</summary>
    private sealed class SignedInCircuit(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
