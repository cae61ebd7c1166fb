using Dashboard.Server.Training;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Web;

public sealed class EvaluationClient(DashboardUser user) : IEvaluationClient
{
    public Task<EvaluationResponse> GetAsync(int modelId, CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<EvaluationService>().GetAsync(org, modelId, ct));
}
