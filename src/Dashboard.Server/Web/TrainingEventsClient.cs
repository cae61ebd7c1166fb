using System.Collections.Concurrent;
using Dashboard.Server.Live;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Web;

/// <summary>The event bus as a circuit sees it: only models of the signed-in user's organization.</summary>
public sealed class TrainingEventsClient(DashboardUser user, TrainingEventBus bus, IServiceScopeFactory scopes) : ITrainingEvents
{
    private readonly ConcurrentDictionary<int, bool> ours = new();

    public async Task<IDisposable> SubscribeAsync(int modelId, Func<TrainingEvent, Task> handler, CancellationToken ct)
    {
        await user.CallAsync((s, org) => s.GetRequiredService<ModelService>().FindTrackedAsync(org, modelId, ct));
        return bus.Subscribe(e => e.ModelId == modelId ? handler(e) : Task.CompletedTask);
    }

    public IDisposable SubscribeToOrganization(Func<TrainingEvent, Task> handler)
    {
        var organizationId = user.OrganizationIdAsync();
        return bus.Subscribe(async e =>
        {
            if (await BelongsAsync(await organizationId, e.ModelId)) await handler(e);
        });
    }

    private async Task<bool> BelongsAsync(int organizationId, int modelId)
    {
        if (ours.TryGetValue(modelId, out var known)) return known;
        await using var scope = scopes.CreateAsyncScope();
        var belongs = await scope.ServiceProvider.GetRequiredService<DashboardDbContext>().CustomModels
            .AnyAsync(m => m.Id == modelId && m.OrganizationId == organizationId);
        ours[modelId] = belongs;
        return belongs;
    }
}
