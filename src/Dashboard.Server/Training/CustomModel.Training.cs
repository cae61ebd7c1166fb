using System.Linq.Expressions;
using Dashboard.Server.Errors;
using Dashboard.Shared.Data;
using Dashboard.Shared.Formatting;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;

namespace Dashboard.Server.Training;

/// <summary>
/// The training state machine, in one place: every change of a model's training status goes through these
/// guarded transitions, which also settle the run they concern. A transition that is not allowed raises an
/// <see cref="ApiException"/> (the one exception handler maps it); one that concerns a run that is no longer
/// current (canceled, replaced) is ignored and returns false. Callers save once per transition
/// (see <see cref="TrainingStateMachine"/>); TrainingStatus and CurrentRunId are concurrency tokens, so a
/// transition saved over another one that happened meanwhile fails instead of losing it. Each status transition
/// raises a <see cref="TrainingStatusChanged"/>, dispatched once after the commit (eShop's domain events).
/// </summary>
public sealed partial class CustomModel
{
    // A field, not a property: EF Core maps neither it nor its records.
    private readonly List<TrainingStatusChanged> events = [];

    /// <summary>The transitions raised since the last call, for dispatch after their commit.</summary>
    public IReadOnlyList<TrainingStatusChanged> TakeEvents()
    {
        var taken = events.ToList();
        events.Clear();
        return taken;
    }

    private void Raise(TrainingRun run, string level, string message, string? stage = null) =>
        events.Add(new TrainingStatusChanged(Id, run.Id, TrainingStatus, TrainingProgress, stage, level, message));

    /// <summary>A log line about a run that changes no status (saved with the transition, not published as a change).</summary>
    public void Note(TrainingRun run, string level, string message) =>
        events.Add(new TrainingStatusChanged(Id, run.Id, TrainingStatus, TrainingProgress, null, level, message) { ChangesStatus = false });
    /// <summary>The one "is this still the current run" check, as a query (progress updates) and for a loaded model.</summary>
    public static Expression<Func<CustomModel, bool>> IsRunning(int runId) =>
        m => m.CurrentRunId == runId && m.TrainingStatus == TrainingStatus.Running;

    public bool Runs(int runId) => CurrentRunId == runId && TrainingStatus == TrainingStatus.Running;

    /// <summary>The one "has training and test data" rule: a model can train only with both sets.</summary>
    public static bool HasTrainAndTestData(IEnumerable<string> dataTypes)
    {
        var types = dataTypes.ToHashSet();
        return types.Contains(DataSetTypes.Train) && types.Contains(DataSetTypes.Test);
    }

    /// <summary>
    /// 1 ↔ 2: the data sets changed (<paramref name="dataTypes"/>: the types of every file the model has now). A model
    /// without a run is ready exactly when it has training and test data; a trained, failed or running model keeps its status.
    /// </summary>
    public void DataChanged(IEnumerable<string> dataTypes, DateTimeOffset now)
    {
        var complete = HasTrainAndTestData(dataTypes);
        if (TrainingStatus == TrainingStatus.NotRunning && complete) TrainingStatus = TrainingStatus.ReadyToRun;
        else if (TrainingStatus == TrainingStatus.ReadyToRun && !complete) TrainingStatus = TrainingStatus.NotRunning;
        UpdatedAt = now;
    }

    /// <summary>Training needs both sets; the message says which is missing.</summary>
    public void EnsureHasTrainAndTestData(IReadOnlyCollection<string> dataTypes)
    {
        if (HasTrainAndTestData(dataTypes)) return;
        throw ApiErrors.ModelNotReady(Id, !dataTypes.Contains(DataSetTypes.Train)
            ? "Upload training data (type=train) and test data (type=test) before starting training."
            : "Upload test data (type=test) before starting training; about 20% of your data is recommended.");
    }

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
        Raise(run, LogLevels.Info, $"Training version {run.Version} queued ({AudioHours.Describe(run.TrainingHours)} of training audio).", TrainingStage);
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
        Raise(run, LogLevels.Info,
            $"Training succeeded: WER {outcome.WordErrorRate:0.##}% (base {outcome.BaseWordErrorRate:0.##}%), accuracy improvement {outcome.AccuracyImprovement:0.##}%.");
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
        Raise(run, LogLevels.Error, $"Training failed: {reason}");
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
        Raise(run, LogLevels.Warning, "Training canceled by user; the model is ready to run again.");
    }

    /// <summary>An admin chooses which successful version serves (roll back or forward); the training status is unchanged.</summary>
    public void Serve(TrainingRun version, string chosenBy, DateTimeOffset now)
    {
        if (version.ModelId != Id || version.Status != TrainingStatus.Success)
            throw ApiErrors.Conflict(Id, $"Version {version.Version} did not train successfully, so it cannot serve.");
        ActiveRunId = version.Id;
        UpdatedAt = now;
        var worse = version.IsWorseThanBase ? $", although it is worse than the base model ({version.WerAgainstBase})" : "";
        Raise(version, LogLevels.Info, $"Version {version.Version} now serves transcription requests (chosen by {chosenBy}){worse}.");
    }
}
