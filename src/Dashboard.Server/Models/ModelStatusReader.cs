using Dashboard.Server.Errors;
using Dashboard.Shared.Models;
using Dashboard.Server.Training;

namespace Dashboard.Server.Models;

/// <summary>
/// The status check that clients poll. A cached answer needs no database: the endpoint resolves no DbContext (its
/// construction was most of a cached status check's time when profiled), and only a miss opens a scope to load.
/// </summary>
public sealed class ModelStatusReader(ModelStatusCache cache, IServiceScopeFactory scopes)
{
    /// <summary>For the endpoint: a miss loads in a scope of its own.</summary>
    public Task<ModelDto> GetAsync(int organizationId, int id, CancellationToken ct) =>
        GetAsync(organizationId, id, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ModelService>().LoadAsync(organizationId, id, ct);
        });

    /// <summary>For callers that already hold a scope (ModelService): a miss uses their loader.</summary>
    public async Task<ModelDto> GetAsync(int organizationId, int id, Func<Task<ModelDto?>> load) =>
        await cache.GetOrLoadAsync(organizationId, id, load) ?? throw ApiErrors.ModelNotFound(id);
}
