using Dashboard.Shared.Models;
using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// /hubs/training with the official JS client: revoking the API key a connection was opened with closes that
/// connection at once; it receives no event of its models afterwards and cannot subscribe to more.
/// </summary>
[Trait("Category", "api")]
public sealed class HubRevocationTests(KestrelHardeningFactory factory) : IClassFixture<KestrelHardeningFactory>
{
    [Fact]
    public async Task RevokingTheKey_ClosesItsOpenHubConnection_WhichGetsNoFurtherEvents()
    {
        await NodeScript.EnsureInstalledAsync();
        var organization = "hub-revoke-" + Guid.NewGuid().ToString("N");
        var revoked = await factory.CreateKeyAsync(organization);
        using var owner = new HttpClient { BaseAddress = factory.Address };
        owner.DefaultRequestHeaders.Authorization = new("Bearer", await factory.CreateKeyAsync(organization));
        var watched = await new CustomModelBuilder(owner).ReadyToRun().CreateAsync();

        var lines = new ConcurrentQueue<(TimeSpan At, string Line)>();
        var clock = Stopwatch.StartNew();
        var subscribed = new TaskCompletionSource();
        var closed = new TaskCompletionSource<TimeSpan>();
        using var node = NodeScript.Start("hub-revocation.mjs", [factory.Address.ToString().TrimEnd('/'), revoked, watched.ToString(), "60000"], line =>
        {
            lines.Enqueue((clock.Elapsed, line));
            if (line == "subscribed") subscribed.TrySetResult();
            if (line.StartsWith("closed", StringComparison.Ordinal)) closed.TrySetResult(clock.Elapsed);
        });
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var revokedAt = clock.Elapsed;
        await RevokeAsync(revoked);
        var createdAfter = await new CustomModelBuilder(owner).ReadyToRun().CreateAsync();
        (await owner.PostAsync($"{ApiClientExtensions.Models}/{watched}/run", null)).EnsureSuccessStatusCode();
        await owner.WaitForStatusAsync(watched, TimeSpan.FromSeconds(60), TrainingStatus.Success);
        try
        {
            await node.StandardInput.WriteLineAsync($"subscribe {createdAfter}");
        }
        catch (IOException)
        {
            // the script ends once its connection is closed
        }
        await Task.Delay(1000);

        var seen = string.Join("\n", lines.Select(l => $"{l.At.TotalSeconds:F2}s {l.Line}"));
        Assert.True(closed.Task.IsCompleted, "the connection stayed open after its key was revoked:\n" + seen);
        Assert.True(await closed.Task - revokedAt < TimeSpan.FromSeconds(5), seen);
        Assert.DoesNotContain(lines, l => l.Line.StartsWith("event", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Line.StartsWith("subscribe-ok", StringComparison.Ordinal));
    }

    private async Task RevokeAsync(string secret)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.SecretHash == ApiKeyLookup.Hash(secret));
        Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(key.OrganizationId, key.Id, CancellationToken.None));
    }
}
