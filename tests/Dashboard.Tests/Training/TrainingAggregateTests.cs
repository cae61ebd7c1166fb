using Dashboard.Server.Errors;
using Dashboard.Server.Training;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;

namespace Dashboard.Tests.Training;

/// <summary>
/// The training transitions of <see cref="CustomModel"/> on their own, with no server and no database (as eShop's
/// OrderAggregateTest): which status each one leads to, what it settles on the run, and what it refuses.
/// </summary>
[Trait("Category", "unit")]
public sealed class TrainingAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] BothSets = [DataSetTypes.Train, DataSetTypes.Test];
    private static readonly TrainingOutcome Outcome = new(12.5, 20, 8, "models/7/v1/model.zip");

    private static CustomModel NewModel() => new() { Id = 7, Name = "Cardiology", Language = "en", BaseModel = "medical" };

    private static TrainingRun RunOf(CustomModel model, int id) => new() { Id = id, ModelId = model.Id, Version = id, Engine = "simulated" };

    private static (CustomModel Model, TrainingRun Run) Running()
    {
        var model = NewModel();
        model.DataChanged(BothSets, Now);
        var run = RunOf(model, 1);
        model.Start(run, Now);
        return (model, run);
    }

    [Fact]
    public void ANewModel_IsNotRunning_AndBecomesReadyOnlyWithTrainAndTestData()
    {
        var model = NewModel();
        Assert.Equal(TrainingStatus.NotRunning, model.TrainingStatus);

        model.DataChanged([DataSetTypes.Train, DataSetTypes.Text], Now);
        Assert.Equal(TrainingStatus.NotRunning, model.TrainingStatus);

        model.DataChanged(BothSets, Now);
        Assert.Equal(TrainingStatus.ReadyToRun, model.TrainingStatus);

        model.DataChanged([DataSetTypes.Test], Now.AddMinutes(1));
        Assert.Equal(TrainingStatus.NotRunning, model.TrainingStatus);
        Assert.Equal(Now.AddMinutes(1), model.UpdatedAt);
    }

    [Fact]
    public void ChangedData_KeepsTheStatusOfATrainedOrRunningModel()
    {
        var (model, run) = Running();
        model.DataChanged([DataSetTypes.Train], Now);
        Assert.Equal(TrainingStatus.Running, model.TrainingStatus);

        model.Complete(run, Outcome, 11, Now);
        model.DataChanged([], Now);
        Assert.Equal(TrainingStatus.Success, model.TrainingStatus);
    }

    [Fact]
    public void Start_MakesTheRunCurrent_AndQueued()
    {
        var (model, run) = Running();

        Assert.Equal((TrainingStatus.Running, 1, 0, "queued"), (model.TrainingStatus, model.CurrentRunId, model.TrainingProgress, model.TrainingStage));
        Assert.Equal(TrainingStatus.Running, run.Status);
        Assert.True(model.Runs(run.Id));
    }

    [Fact]
    public void Start_IsRefused_WhileARunIsInProgress_OrForAnUnsavedRun()
    {
        var (model, _) = Running();

        var refused = Assert.Throws<ApiException>(() => model.Start(RunOf(model, 2), Now));
        Assert.Equal((409, "MODEL_NOT_READY"), (refused.StatusCode, refused.ErrorCode));
        Assert.Throws<InvalidOperationException>(() => NewModel().Start(RunOf(NewModel(), 0), Now));
    }

    [Fact]
    public void Complete_MakesTheRunTheServingVersion_WithItsMetrics()
    {
        var (model, run) = Running();

        Assert.True(model.Complete(run, Outcome, 11.123456, Now));

        Assert.Equal((TrainingStatus.Success, 100, (string?)null, (int?)1), (model.TrainingStatus, model.TrainingProgress, model.TrainingStage, model.ActiveRunId));
        Assert.Equal((TrainingStatus.Success, 12.5, 11.1235, Outcome.AccuracyImprovement), (run.Status, run.WordErrorRate, run.TrainingHours, run.AccuracyImprovement));
    }

    [Fact]
    public void Fail_KeepsTheServingVersion_AndSaysWhy()
    {
        var (model, first) = Running();
        model.Complete(first, Outcome, 11, Now);
        var second = RunOf(model, 2);
        model.Start(second, Now);

        Assert.True(model.Fail(second, "The test set could not be decoded.", Now));

        Assert.Equal((TrainingStatus.Failed, "The test set could not be decoded.", (int?)1), (model.TrainingStatus, model.FailureReason, model.ActiveRunId));
        Assert.Equal(TrainingStatus.Failed, second.Status);
    }

    [Fact]
    public void ARunThatIsNoLongerCurrent_CannotCompleteOrFail()
    {
        var (model, first) = Running();
        model.Cancel(first, Now);
        var second = RunOf(model, 2);
        model.Start(second, Now);

        Assert.False(model.Complete(first, Outcome, 11, Now));
        Assert.False(model.Fail(first, "late", Now));
        Assert.False(model.Begin(first, Now));
        Assert.Equal((TrainingStatus.Running, (int?)2), (model.TrainingStatus, model.CurrentRunId));
    }

    [Fact]
    public void Cancel_ReturnsTheModelToReadyToRun_AndIsRefusedWhenNothingRuns()
    {
        var (model, run) = Running();

        model.Cancel(run, Now);

        Assert.Equal((TrainingStatus.ReadyToRun, 0), (model.TrainingStatus, model.TrainingProgress));
        Assert.Equal((TrainingStatus.Failed, "Canceled by user."), (run.Status, run.FailureReason));
        Assert.Equal("CONFLICT", Assert.Throws<ApiException>(() => model.Cancel(run, Now)).ErrorCode);
    }

    [Fact]
    public void Serve_ChoosesOnlyASuccessfulVersionOfTheSameModel()
    {
        var (model, first) = Running();
        model.Complete(first, Outcome, 11, Now);
        var second = RunOf(model, 2);
        model.Start(second, Now);
        model.Fail(second, "no luck", Now);

        Assert.Equal("CONFLICT", Assert.Throws<ApiException>(() => model.Serve(second, "admin@acme.test", Now)).ErrorCode);
        model.Serve(first, "admin@acme.test", Now);
        Assert.Equal((int?)1, model.ActiveRunId);
    }

    [Fact]
    public void EachStatusTransition_RaisesOneEvent_ForDispatchAfterItsCommit()
    {
        var (model, first) = Running();
        model.Complete(first, Outcome, 11, Now);
        var second = RunOf(model, 2);
        model.Start(second, Now);
        model.Cancel(second, Now);
        model.Serve(first, "admin@acme.test", Now);
        model.DataChanged([], Now); // no event: a trained model keeps its status

        var events = model.TakeEvents();

        Assert.Equal(
            [(TrainingStatus.Running, 1, "queued"), (TrainingStatus.Success, 1, null), (TrainingStatus.Running, 2, "queued"),
             (TrainingStatus.ReadyToRun, 2, null), (TrainingStatus.ReadyToRun, 1, (string?)null)],
            events.Select(e => (e.Status, e.RunId, e.Stage)));
        Assert.StartsWith("Training succeeded: WER 12.5% (base 20%)", events[1].LogMessage, StringComparison.Ordinal);
        Assert.Equal("Version 1 now serves transcription requests (chosen by admin@acme.test).", events[^1].LogMessage);
        Assert.Empty(model.TakeEvents());
    }

    [Fact]
    public void StartingNeedsTrainAndTestData_AndSaysWhichIsMissing()
    {
        var model = NewModel();

        Assert.Contains("training data", Assert.Throws<ApiException>(() => model.EnsureHasTrainAndTestData([DataSetTypes.Test])).Message, StringComparison.Ordinal);
        Assert.StartsWith("Upload test data", Assert.Throws<ApiException>(() => model.EnsureHasTrainAndTestData([DataSetTypes.Train])).Message, StringComparison.Ordinal);
        model.EnsureHasTrainAndTestData(BothSets);
    }
}
