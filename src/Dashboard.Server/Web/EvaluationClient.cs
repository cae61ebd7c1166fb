using Dashboard.Server.Training;
using Dashboard.Shared.Dashboard;
using Dashboard.Shared.Transcription;
using Dashboard.Server.Evaluation;

namespace Dashboard.Server.Web;

public sealed class EvaluationClient(DashboardUser user) : IEvaluationClient
{
    public Task<EvaluationResponse> GetAsync(int modelId, CancellationToken ct) =>
        user.CallAsync((s, org) => s.GetRequiredService<EvaluationService>().GetAsync(org, modelId, ct));
}
