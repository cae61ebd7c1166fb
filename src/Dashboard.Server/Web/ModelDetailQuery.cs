using Dashboard.Server.Data;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;
using Dashboard.Server.Versions;
using Dashboard.Shared.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Web;

/// <summary>
/// The model page's data in one scope: the model row is read once (the services after the first find it tracked), and
/// the page makes one call where it made four.
/// </summary>
public static class ModelDetailQuery
{
    public static async Task<ModelDetailDto> ReadAsync(IServiceProvider services, int organizationId, int id, CancellationToken ct)
    {
        var models = services.GetRequiredService<ModelService>();
        var model = await models.FindTrackedAsync(organizationId, id, ct);
        var files = await services.GetRequiredService<DataUploadService>().ListAsync(organizationId, id, ct);
        var versions = await services.GetRequiredService<ModelVersionService>().ListAsync(organizationId, id, ct);
        return new ModelDetailDto(await models.ToDtoAsync(model, ct), files, await MonitorAsync(services, model, ct), versions);
    }

    private static async Task<TrainingMonitorDto> MonitorAsync(IServiceProvider services, CustomModel model, CancellationToken ct)
    {
        var runs = await services.GetRequiredService<DashboardDbContext>().TrainingRuns.AsNoTracking()
            .Where(r => r.ModelId == model.Id).OrderBy(r => r.Version)
            .Select(r => new { r.Engine, Dto = new TrainingRunDto(r.Version, r.Status, r.QueuedAt, r.StartedAt, r.FinishedAt,
                r.TrainingHours, r.WordErrorRate, r.BaseWordErrorRate, r.FailureReason) })
            .ToListAsync(ct);
        // The latest run's engine: the one whose stages a running or finished run reports.
        var engine = runs.LastOrDefault()?.Engine ?? services.GetRequiredService<IOptions<TrainingOptions>>().Value.Engine;
        return new TrainingMonitorDto(TrainingStages.Of(engine), model.TrainingStage, runs.ConvertAll(r => r.Dto));
    }
}
