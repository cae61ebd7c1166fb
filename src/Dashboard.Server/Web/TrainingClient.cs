using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Web;

public sealed class TrainingClient(DashboardUser user) : ITrainingClient
{
    public Task<RunResponse> StartAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, (s, org) => s.GetRequiredService<TrainingService>().StartAsync(org, id, ct));

    public Task<ModelDto> CancelAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, (s, org) => s.GetRequiredService<TrainingService>().CancelAsync(org, id, ct));

    public Task<TrainingLogResponse> LogAsync(int id, CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<TrainingService>().LogAsync(org, id, ct));

    public Task<TrainingMonitorDto> MonitorAsync(int id, CancellationToken ct) =>
        user.CallAsync(async (s, org) =>
        {
            var model = await s.GetRequiredService<ModelService>().FindTrackedAsync(org, id, ct);
            var runs = await s.GetRequiredService<DashboardDbContext>().TrainingRuns.AsNoTracking()
                .Where(r => r.ModelId == id).OrderBy(r => r.Version)
                .Select(r => new { r.Engine, Dto = new TrainingRunDto(r.Version, r.Status, r.QueuedAt, r.StartedAt, r.FinishedAt,
                    r.TrainingHours, r.WordErrorRate, r.BaseWordErrorRate, r.FailureReason) })
                .ToListAsync(ct);
            // The latest run's engine: the one whose stages a running or finished run reports.
            var engine = runs.LastOrDefault()?.Engine ?? s.GetRequiredService<IOptions<TrainingOptions>>().Value.Engine;
            return new TrainingMonitorDto(TrainingStages.Of(engine), model.TrainingStage, runs.ConvertAll(r => r.Dto));
        });
}
