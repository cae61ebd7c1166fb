using System.Linq.Expressions;
using Dashboard.Server.Errors;
using Dashboard.Server.Training;
using Dashboard.Shared.Models;

namespace Dashboard.Server.Models;

/// <summary>
/// The training state machine, in one place: every change of a model's training status goes through these
/// guarded transitions, which also settle the run they concern. A transition that is not allowed raises an
/// <see cref="ApiException"/> (the one exception handler maps it); one that concerns a run that is no longer
/// current (canceled, replaced) is ignored and returns false. Callers save once per transition
/// (see <see cref="TrainingStateMachine"/>); TrainingStatus and CurrentRunId are concurrency tokens, so a
/// transition saved over another one that happened meanwhile fails instead of losing it.
/// </summary>
public sealed partial class CustomModel
{
    /// <summary>The one "is this still the current run" check, as a query (progress updates) and for a loaded model.</summary>
    public static Expression<Func<CustomModel, bool>> IsRunning(int runId) =>
        m => m.CurrentRunId == runId && m.TrainingStatus == TrainingStatus.Running;

    public bool Runs(int runId) => CurrentRunId == runId && TrainingStatus == TrainingStatus.Running;

    /// <summary>2, 4 or 5 → 3: the run becomes current, queued.</summary>
    public void Start(TrainingRun run, DateTimeOffset now)
    {
        EnsureNotRunning();
        if (run.Id == 0 || run.ModelId != Id) throw new InvalidOperationException("Save the run before starting it.");
        run.Status = TrainingStatus.Running;
        CurrentRunId = run.Id;
        TrainingStatus = TrainingStatus.Running;
        TrainingProgress = 0;
        TrainingStage = "queued";
        FailureReason = null;
        UpdatedAt = now;
    }

    public void EnsureNotRunning()
    {
        if (TrainingStatus == TrainingStatus.Running)
            throw ApiErrors.ModelNotReady(Id, "Training is already running for this model.");
    }

    /// <summary>The job picks the run up (first time, or again after a restart); false when the run is no longer current.</summary>
    public bool Begin(TrainingRun run, DateTimeOffset now)
    {
        if (!Runs(run.Id)) return false;
        run.StartedAt = now;
        return true;
    }

    /// <summary>
    /// 3 → 4: the run becomes the serving version with its metrics, unless it is worse than the base model: then the
    /// serving version (or, for a first version, the base model) keeps answering until an admin chooses to serve it.
    /// Ignored for a run that is no longer current.
    /// </summary>
    public bool Complete(TrainingRun run, TrainingOutcome outcome, double trainingHours, DateTimeOffset now)
    {
        if (!Runs(run.Id)) return false;
        run.Status = TrainingStatus.Success;
        run.FinishedAt = now;
        run.TrainingHours = Math.Round(trainingHours, 4);
        run.WordErrorRate = outcome.WordErrorRate;
        run.BaseWordErrorRate = outcome.BaseWordErrorRate;
        run.CharacterErrorRate = outcome.CharacterErrorRate;
        run.AccuracyImprovement = outcome.AccuracyImprovement;
        run.ArtifactBlob = outcome.ArtifactBlob;
        TrainingStatus = TrainingStatus.Success;
        TrainingProgress = 100;
        TrainingStage = null;
        FailureReason = null;
        if (!run.IsWorseThanBase) ActiveRunId = run.Id;
        UpdatedAt = now;
        return true;
    }

    /// <summary>3 → 5 with a reason; the serving version (if any) keeps serving. Ignored for a run that is no longer current.</summary>
    public bool Fail(TrainingRun run, string reason, DateTimeOffset now)
    {
        if (!Runs(run.Id)) return false;
        run.Status = TrainingStatus.Failed;
        run.FailureReason = reason;
        run.FinishedAt = now;
        TrainingStatus = TrainingStatus.Failed;
        FailureReason = reason;
        TrainingStage = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>3 → 2 at the user's request.</summary>
    public void Cancel(TrainingRun? run, DateTimeOffset now)
    {
        if (run is null || !Runs(run.Id))
            throw ApiErrors.Conflict(Id, "The model is not training, so there is nothing to cancel.");
        run.Status = TrainingStatus.Failed;
        run.FailureReason = "Canceled by user.";
        run.FinishedAt = now;
        TrainingStatus = TrainingStatus.ReadyToRun;
        TrainingProgress = 0;
        TrainingStage = null;
        UpdatedAt = now;
    }

    /// <summary>An admin chooses which successful version serves (roll back or forward); the training status is unchanged.</summary>
    public void Serve(TrainingRun version, DateTimeOffset now)
    {
        if (version.ModelId != Id || version.Status != TrainingStatus.Success)
            throw ApiErrors.Conflict(Id, $"Version {version.Version} did not train successfully, so it cannot serve.");
        ActiveRunId = version.Id;
        UpdatedAt = now;
    }
}
