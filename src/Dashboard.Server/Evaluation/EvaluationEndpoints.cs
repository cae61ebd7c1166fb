using System.Security.Claims;
using Dashboard.Server.Models;
using Dashboard.Server.Security;
using Dashboard.Server.Training;
using Dashboard.Shared.Transcription;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Server.Evaluation;

/// <summary>
/// GET /api/v3/custom_models/{id}/evaluation: the test-set evaluation of the model's current version, per utterance
/// (reference, base and custom hypotheses, substitutions, deletions, insertions, word alignments, data file). 409 MODEL_NOT_READY before a success.
/// </summary>
public static class EvaluationEndpoints
{
    /// <summary>In the API group beside (not in) the models group: this route is for API keys only.</summary>
    public static RouteHandlerBuilder MapEvaluationApi(this RouteGroupBuilder api) =>
        api.MapGet($"{CustomModelEndpoints.Segment}/{{id:int}}/evaluation", GetEvaluation).WithTags("Custom models")
            .RequireApiKey()
            .RequireRateLimiting(RateLimitPolicies.StatusCheck);

    /// <summary>The serving version's evaluation on the test set: base and custom WER/CER and, with the sphinx engine, every test utterance with both transcripts.</summary>
    public static async Task<Ok<EvaluationResponse>> GetEvaluation(int id, ClaimsPrincipal user, EvaluationService evaluations, CancellationToken ct) =>
        TypedResults.Ok(await evaluations.GetAsync(user.OrganizationIdOf(), id, ct));
}
