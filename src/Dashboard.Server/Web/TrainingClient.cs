using Dashboard.Server.Training;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;

namespace Dashboard.Server.Web;

public sealed class TrainingClient(DashboardUser user) : ITrainingClient
{
    public Task<RunResponse> StartAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, (s, org) => s.GetRequiredService<TrainingService>().StartAsync(org, id, ct));

    public Task<ModelDto> CancelAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Trainers, (s, org) => s.GetRequiredService<TrainingService>().CancelAsync(org, id, ct));

    public Task<TrainingLogResponse> LogAsync(int id, CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<TrainingService>().LogAsync(org, id, ct));
}
