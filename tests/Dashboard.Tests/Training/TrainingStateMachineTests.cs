using Dashboard.Server.Errors;
using Dashboard.Server.Persistence;
using Dashboard.Server.Training;
using Dashboard.Shared.Models;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Training;

/// <summary>
/// The training state machine on the real SQLite file: guarded transitions, stale runs ignored, one commit per
/// transition, and concurrent transitions that end in one consistent state (no lost update). The transitions are
/// called directly, with no job scheduled, so the test alone decides what happens when.
/// </summary>
[Trait("Category", "api")]
public sealed class TrainingStateMachineTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly TrainingOutcome Outcome = new(12.5, 20, 7.5, null);

    private async Task<(int Organization, int Model)> ReadyModelAsync()
    {
        var client = await factory.CreateClientForAsync("machine-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).ReadyToRun().CreateAsync();
        return (await factory.QueryAsync(db => db.CustomModels.Where(m => m.Id == id).Select(m => m.OrganizationId).SingleAsync()), id);
    }

    private async Task<T> WithMachineAsync<T>(Func<TrainingStateMachine, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrainingStateMachine>());
    }

    private Task<TrainingRun> StartAsync(int organization, int model) => WithMachineAsync(m => m.StartAsync(organization, model, CancellationToken.None));

    private async Task<TrainingInput> BeginAsync(int model, int run) =>
        (await WithMachineAsync(m => m.BeginAsync(model, run, CancellationToken.None)))?.Input ?? throw new InvalidOperationException("The run is not current.");

    private Task<(TrainingStatus Status, int? Current, int? Serving, TrainingStatus RunStatus, int Charges)> StateAsync(int model, int run) =>
        factory.QueryAsync(async db =>
        {
            var m = await db.CustomModels.AsNoTracking().SingleAsync(x => x.Id == model);
            var r = await db.TrainingRuns.AsNoTracking().SingleAsync(x => x.Id == run);
            return (m.TrainingStatus, m.CurrentRunId, m.ActiveRunId, r.Status, await db.Ledger.CountAsync(l => l.RunId == run));
        });

    [Fact]
    public async Task Start_CommitsTheRunAndTheModelTogether_AsRunningVersionOne()
    {
        var (org, id) = await ReadyModelAsync();

        var run = await StartAsync(org, id);

        var state = await StateAsync(id, run.Id);
        Assert.Equal((TrainingStatus.Running, run.Id, null, TrainingStatus.Running, 0), state);
        Assert.Equal(1, run.Version);
    }

    [Fact]
    public async Task Start_WhileRunning_IsRefused_AndAddsNoRun()
    {
        var (org, id) = await ReadyModelAsync();
        await StartAsync(org, id);

        var error = await Assert.ThrowsAsync<ApiException>(() => StartAsync(org, id));

        Assert.Equal((409, "MODEL_NOT_READY"), (error.StatusCode, error.ErrorCode));
        Assert.Equal(1, await factory.QueryAsync(db => db.TrainingRuns.CountAsync(r => r.ModelId == id)));
    }

    [Fact]
    public async Task TwoConcurrentStarts_MakeExactlyOneRun()
    {
        var (org, id) = await ReadyModelAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try { return (await StartAsync(org, id)).Id; }
            catch (ApiException e) when (e.StatusCode == 409) { return 0; }
        }));

        var started = Assert.Single(attempts, a => a != 0);
        Assert.Equal([started], await factory.QueryAsync(db => db.TrainingRuns.Where(r => r.ModelId == id).Select(r => r.Id).ToListAsync()));
        Assert.Equal(started, (await StateAsync(id, started)).Current);
    }

    [Fact]
    public async Task Cancel_WhenNotRunning_IsAConflict_AndChangesNothing()
    {
        var (org, id) = await ReadyModelAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => WithMachineAsync(m => m.CancelAsync(org, id, CancellationToken.None)));

        Assert.Equal((409, "CONFLICT"), (error.StatusCode, error.ErrorCode));
        Assert.Equal(TrainingStatus.ReadyToRun, await factory.QueryAsync(db => db.CustomModels.Where(m => m.Id == id).Select(m => m.TrainingStatus).SingleAsync()));
    }

    [Fact]
    public async Task Complete_AfterCancel_IsIgnored_NoVersionNoCharge()
    {
        var (org, id) = await ReadyModelAsync();
        var run = await StartAsync(org, id);
        var input = await BeginAsync(id, run.Id);
        await WithMachineAsync(m => m.CancelAsync(org, id, CancellationToken.None));

        await WithMachineAsync(async m => { await m.CompleteAsync(id, run.Id, input, Outcome); return 0; });
        await WithMachineAsync(async m => { await m.FailAsync(id, run.Id, "too late"); return 0; });

        Assert.Equal((TrainingStatus.ReadyToRun, run.Id, null, TrainingStatus.Failed, 0), await StateAsync(id, run.Id));
        Assert.Null(await WithMachineAsync(m => m.BeginAsync(id, run.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Complete_MakesTheRunTheServingVersion_WithItsDataSnapshot_AndAFailedRetrainKeepsIt()
    {
        var (org, id) = await ReadyModelAsync();
        var first = await StartAsync(org, id);
        var input = await BeginAsync(id, first.Id);
        await WithMachineAsync(async m => { await m.CompleteAsync(id, first.Id, input, Outcome); return 0; });
        var second = await StartAsync(org, id);
        await BeginAsync(id, second.Id);

        await WithMachineAsync(async m => { await m.FailAsync(id, second.Id, "decoder crashed"); return 0; });

        Assert.Equal((TrainingStatus.Failed, second.Id, first.Id, TrainingStatus.Success, 1), await StateAsync(id, first.Id));
        Assert.Equal((TrainingStatus.Failed, second.Id, first.Id, TrainingStatus.Failed, 0), await StateAsync(id, second.Id));
        Assert.Equal(2, await factory.QueryAsync(db => db.TrainingRunFiles.CountAsync(f => f.RunId == first.Id)));
    }

    [Fact]
    public async Task CancelRacingCompletion_EndsInOneConsistentState_EveryTime()
    {
        var (org, id) = await ReadyModelAsync();
        for (var i = 0; i < 8; i++)
        {
            var run = await StartAsync(org, id);
            var input = await BeginAsync(id, run.Id);

            var cancel = WithMachineAsync(async m =>
            {
                try { await m.CancelAsync(org, id, CancellationToken.None); return true; }
                catch (ApiException e) when (e.StatusCode == 409) { return false; }
            });
            var complete = WithMachineAsync(async m => { await m.CompleteAsync(id, run.Id, input, Outcome); return 0; });
            await Task.WhenAll(cancel, complete);

            var state = await StateAsync(id, run.Id);
            if (await cancel) Assert.Equal((TrainingStatus.ReadyToRun, TrainingStatus.Failed, 0), (state.Status, state.RunStatus, state.Charges));
            else Assert.Equal((TrainingStatus.Success, run.Id, TrainingStatus.Success, 1), (state.Status, state.Serving, state.RunStatus, state.Charges));
        }
    }

    [Fact]
    public async Task Progress_OfARunThatIsNoLongerCurrent_ChangesNothing_AndStopsTheEngine()
    {
        var (org, id) = await ReadyModelAsync();
        var run = await StartAsync(org, id);
        await BeginAsync(id, run.Id);
        var progress = factory.Services.GetRequiredService<TrainingProgressWriter>().For(id, run.Id);
        await progress.ProgressAsync(40, CancellationToken.None);
        await WithMachineAsync(m => m.CancelAsync(org, id, CancellationToken.None));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => progress.ProgressAsync(60, CancellationToken.None));

        Assert.Equal(0, await factory.QueryAsync(db => db.CustomModels.Where(m => m.Id == id).Select(m => m.TrainingProgress).SingleAsync()));
    }
}
