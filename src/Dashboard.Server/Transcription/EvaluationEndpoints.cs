using System.Security.Claims;
using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Persistence;
using Dashboard.Server.Security;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Transcription;

/// <summary>
/// GET /api/v3/custom_models/{id}/evaluation: the test-set evaluation of the model's current version, per utterance
/// (reference, base and custom hypotheses, substitutions, deletions, insertions). 409 MODEL_NOT_READY before a success.
/// </summary>
public static class EvaluationEndpoints
{
    public static RouteHandlerBuilder MapEvaluationApi(this IEndpointRouteBuilder app) =>
        app.MapGet($"{CustomModelEndpoints.Route}/{{id:int}}/evaluation", GetEvaluation).WithTags("Custom models")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .RequireRateLimiting(RateLimitPolicies.StatusCheck);

    public static async Task<Ok<EvaluationResponse>> GetEvaluation(
        int id, ClaimsPrincipal user, ModelService models, DashboardDbContext db, SphinxArtifactStore artifacts, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(user.OrganizationIdOf(), id, ct);
        if (model.ActiveRunId is not { } runId)
            throw ApiErrors.ModelNotReady(id, $"Custom model {id} has no successful training run yet; its evaluation is available once training succeeds (status 4).");
        var run = await db.TrainingRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        // Engines without a recognizer (simulated) store no per-utterance results: the run's metrics stand alone.
        var evaluation = await artifacts.ReadEvaluationAsync(id, run.Version, ct) ?? new EvaluationResponse(
            id, run.Version, run.Engine, model.BaseModel, run.WordErrorRate ?? 0, run.BaseWordErrorRate ?? 0,
            run.CharacterErrorRate ?? 0, null, run.AccuracyImprovement ?? 0, []);
        return TypedResults.Ok(evaluation);
    }
}
