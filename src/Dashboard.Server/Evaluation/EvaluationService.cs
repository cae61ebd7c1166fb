using Dashboard.Server.Errors;
using Dashboard.Server.Models;
using Dashboard.Server.Training;
using Dashboard.Server.Persistence;
using Dashboard.Server.Speech;
using Dashboard.Shared.Data;
using Dashboard.Shared.Transcription;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Evaluation;

/// <summary>
/// The test-set evaluation of the version the model shows (a held-back one that is worse than base, else the serving one), for the API and the dashboard. Evaluations stored before
/// utterances named their data file and carried word alignments are completed on reading: the file is found by its
/// (unique) name among the model's test files, the alignment is computed from the stored texts.
/// </summary>
public sealed class EvaluationService(ModelService models, ModelVersionsReader versions, DashboardDbContext db, SphinxArtifactStore artifacts)
{
    public async Task<EvaluationResponse> GetAsync(int organizationId, int modelId, CancellationToken ct)
    {
        var model = await models.FindTrackedAsync(organizationId, modelId, ct);
        var run = (await versions.ForAsync(model, ct)).Shown
            ?? throw ApiErrors.ModelNotReady(modelId, $"Custom model {modelId} has no successful training run yet; its evaluation is available once training succeeds (status 4).");
        // Engines without a recognizer (simulated) store no per-utterance results: the run's metrics stand alone.
        var stored = await artifacts.ReadEvaluationAsync(modelId, run.Version, ct);
        if (stored is null)
            return new EvaluationResponse(modelId, run.Version, run.Engine, model.BaseModel, run.WordErrorRate ?? 0, run.BaseWordErrorRate ?? 0,
                run.CharacterErrorRate ?? 0, null, run.AccuracyImprovement ?? 0, []);
        return stored with { Utterances = await CompleteAsync(modelId, stored.Utterances, ct) };
    }

    /// <summary>Fills in what older evaluations lack, and forgets data file ids whose pair has been removed since.</summary>
    private async Task<List<UtteranceEvaluationDto>> CompleteAsync(int modelId, IReadOnlyList<UtteranceEvaluationDto> utterances, CancellationToken ct)
    {
        var testFiles = await db.DataFiles.AsNoTracking().Where(f => f.ModelId == modelId && f.Type == DataSetTypes.Test)
            .Select(f => new { f.Id, f.AudioFileName }).ToListAsync(ct);
        var existing = testFiles.Select(f => f.Id).ToHashSet();
        var uniqueNames = testFiles.GroupBy(f => f.AudioFileName).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        return utterances.Select(u => u with
        {
            DataFileId = u.DataFileId is { } id
                ? (existing.Contains(id) ? id : null)
                : (uniqueNames.TryGetValue(u.File, out var byName) ? byName : null),
            BaseAlignment = u.BaseAlignment ?? ErrorAlignment.AlignWords(u.Reference, u.BaseHypothesis).Pairs,
            CustomAlignment = u.CustomAlignment ?? ErrorAlignment.AlignWords(u.Reference, u.CustomHypothesis).Pairs,
        }).ToList();
    }
}
