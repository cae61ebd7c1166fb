using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Versions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Versions;

/// <summary>A model's versions (its successful runs) and the choice of the one that serves.</summary>
public sealed class ModelVersionService(DashboardDbContext db, ModelService models, TrainingStateMachine machine)
{
    public async Task<ModelVersionsResponse> ListAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var runs = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.ModelId == modelId && r.Status == TrainingStatus.Success)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        var runIds = runs.Select(r => r.Id).ToList();
        var files = await db.TrainingRunFiles.AsNoTracking().Where(f => runIds.Contains(f.RunId))
            .GroupBy(f => new { f.RunId, f.Type }).Select(g => new { g.Key.RunId, g.Key.Type, Count = g.Count() }).ToListAsync(ct);
        int Count(int runId, string type) => files.FirstOrDefault(f => f.RunId == runId && f.Type == type)?.Count ?? 0;
        var versions = runs.Select(r => new ModelVersionDto(r.Version, r.FinishedAt ?? r.QueuedAt, r.Engine,
            r.WordErrorRate ?? 0, r.BaseWordErrorRate ?? 0, r.CharacterErrorRate ?? 0, r.AccuracyImprovement ?? 0, r.TrainingHours,
            Count(r.Id, DataSetTypes.Train) + Count(r.Id, DataSetTypes.Test), Count(r.Id, DataSetTypes.Train), Count(r.Id, DataSetTypes.Test),
            r.Id == model.ActiveRunId)).ToList();
        return new ModelVersionsResponse(modelId, runs.FirstOrDefault(r => r.Id == model.ActiveRunId)?.Version, versions);
    }

    public async Task<ModelVersionsResponse> ServeAsync(int organizationId, int modelId, int version, string chosenBy, CancellationToken ct)
    {
        await machine.ServeAsync(organizationId, modelId, version, chosenBy, ct);
        db.ChangeTracker.Clear();
        return await ListAsync(organizationId, modelId, ct);
    }
}
