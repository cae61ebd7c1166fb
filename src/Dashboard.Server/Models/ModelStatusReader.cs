using Dashboard.Server.Errors;
using Dashboard.Shared.Models;

namespace Dashboard.Server.Models;

/// <summary>
/// The status check that clients poll. A cached answer needs no database: the request resolves no DbContext (its
/// construction was most of a cached status check's time when profiled), and only a miss opens a scope to load.
/// </summary>
public sealed class ModelStatusReader(ModelStatusCache cache, IServiceScopeFactory scopes)
{
    public async Task<ModelDto> GetAsync(int organizationId, int id, CancellationToken ct) =>
        await cache.GetOrLoadAsync(organizationId, id, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ModelService>().LoadAsync(organizationId, id, ct);
        }) ?? throw ApiErrors.ModelNotFound(id);
}
