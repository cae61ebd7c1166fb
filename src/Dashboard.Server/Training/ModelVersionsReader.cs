using Dashboard.Server.Persistence;
using Dashboard.Shared.Models;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Training;

/// <summary>Loads <see cref="ModelVersions"/> for one model or a page of models, in two queries.</summary>
public sealed class ModelVersionsReader(DashboardDbContext db)
{
    public async Task<ModelVersions> ForAsync(CustomModel model, CancellationToken ct) =>
        (await ForAsync([model], ct)).GetValueOrDefault(model.Id, ModelVersions.None);

    public async Task<IReadOnlyDictionary<int, ModelVersions>> ForAsync(IReadOnlyCollection<CustomModel> models, CancellationToken ct)
    {
        var ids = models.Select(m => m.Id).ToList();
        var latestIds = await db.TrainingRuns.AsNoTracking().Where(r => ids.Contains(r.ModelId) && r.Status == TrainingStatus.Success)
            .GroupBy(r => r.ModelId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var wanted = latestIds.Concat(models.Where(m => m.ActiveRunId != null).Select(m => m.ActiveRunId!.Value)).Distinct().ToList();
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => wanted.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var latest = latestIds.Select(id => runs[id]).ToDictionary(r => r.ModelId);
        return models.ToDictionary(m => m.Id, m => new ModelVersions(
            m.ActiveRunId is { } active ? runs.GetValueOrDefault(active) : null, latest.GetValueOrDefault(m.Id)));
    }
}
