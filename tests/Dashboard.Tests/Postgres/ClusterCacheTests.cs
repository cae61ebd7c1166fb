using System.Net;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Postgres;

/// <summary>
/// What one node caches in memory must not outlive a change made on another node: two servers in-process on one
/// PostgreSQL database, the change on node A, the answer from node B well before its cache would expire by itself.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "postgres")]
public sealed class ClusterCacheTests(PostgresServer server)
{
    private static readonly TimeSpan Relayed = TimeSpan.FromSeconds(3); // the caches keep entries 5 s (status) and 30 s (keys)

    [Fact]
    public async Task AnApiKeyRevokedOnNodeA_IsRefusedByNodeB_WhichHadItCached()
    {
        var database = await server.CreateDatabaseAsync("revoke");
        await using var nodeA = new PostgresDashboardFactory(database, "node-a");
        await using var nodeB = new PostgresDashboardFactory(database, "node-b");
        using var scope = nodeA.Services.CreateScope();
        var organization = await scope.ServiceProvider.GetRequiredService<OrganizationService>().GetOrCreateAsync("Revoked", "gold", CancellationToken.None);
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var key = await keys.CreateAsync(organization.Id, "soon revoked", CancellationToken.None);
        using var client = nodeB.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        await (await client.GetAsync(ApiClientExtensions.Models)).AssertStatusAsync(HttpStatusCode.OK);

        Assert.True(await keys.RevokeAsync(organization.Id, key.Id, CancellationToken.None));

        await EventuallyAsync(async () => (await client.GetAsync(ApiClientExtensions.Models)).StatusCode == HttpStatusCode.Unauthorized,
            "node B still accepts the key node A revoked");
    }

    [Fact]
    public async Task AModelDeletedOnNodeA_IsGoneOnNodeB_WhichHadItsStatusCached()
    {
        var database = await server.CreateDatabaseAsync("deleted");
        await using var nodeA = new PostgresDashboardFactory(database, "node-a");
        await using var nodeB = new PostgresDashboardFactory(database, "node-b");
        var key = await nodeA.CreateApiKeyAsync("Deleted");
        using var clientA = nodeA.CreateClient();
        using var clientB = nodeB.CreateClient();
        clientA.DefaultRequestHeaders.Authorization = clientB.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var id = (int)(await clientA.CreateModelAsync("to be deleted"))["id"]!;
        Assert.Equal(id, (int)(await clientB.GetModelAsync(id))["id"]!);

        await (await clientA.DeleteAsync($"{ApiClientExtensions.Models}/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        await EventuallyAsync(async () => (await clientB.GetAsync($"{ApiClientExtensions.Models}/{id}")).StatusCode == HttpStatusCode.NotFound,
            "node B still answers the model node A deleted");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Relayed;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} after {Relayed.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
