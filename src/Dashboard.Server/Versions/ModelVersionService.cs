using System.Security.Claims;
using Dashboard.Server.Audit;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;
using Dashboard.Shared.Audit;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Dashboard.Shared.Versions;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Versions;

/// <summary>A model's versions (its successful runs) and an admin's choice of the one that serves, audited.</summary>
public sealed class ModelVersionService(DashboardDbContext db, ModelService models, TrainingStateMachine machine, AuditLog audit)
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
            r.Id == model.ActiveRunId, r.IsWorseThanBase)).ToList();
        var state = new ModelVersions(runs.FirstOrDefault(r => r.Id == model.ActiveRunId), runs.FirstOrDefault());
        return new ModelVersionsResponse(modelId, state.Serving?.Version, versions, state.ServedBy(model), state.HeldBackOf(model));
    }

    public async Task<ModelVersionsResponse> ServeAsync(int organizationId, int modelId, int version, ClaimsPrincipal admin, CancellationToken ct)
    {
        var run = await machine.ServeAsync(organizationId, modelId, version, ChosenBy(admin), ct);
        await audit.RecordAsync(admin, AuditActions.VersionServe, AuditResources.ModelVersion(modelId, version),
            run.IsWorseThanBase ? $"worse than the base model: {run.WerAgainstBase}" : null);
        db.ChangeTracker.Clear();
        return await ListAsync(organizationId, modelId, ct);
    }

    /// <summary>Who chose, for the log line: the API key's id or the signed-in user's name.</summary>
    private static string ChosenBy(ClaimsPrincipal user) =>
        user.FindFirstValue(Security.DashboardClaims.ApiKeyId) is { } key ? $"API key {key}" : user.Identity?.Name ?? "an admin";
}
