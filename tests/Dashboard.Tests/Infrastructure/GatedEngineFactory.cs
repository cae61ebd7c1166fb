using Dashboard.Server.Training;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A test double for timing only: while closed, a run waits at the gate (in "Running") until the test opens it or
/// makes the run fail; then the real simulated engine trains. The test decides when a run ends, without polling long runs.
/// </summary>
public sealed class TrainingGate
{
    private TaskCompletionSource<string?>? gate;
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next runs wait at the gate.</summary>
    public void Close()
    {
        gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Completes when a run is waiting at the closed gate.</summary>
    public Task Reached => reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Open() => Release(null);

    /// <summary>The waiting run fails with this reason, as an engine reports a failure.</summary>
    public void Fail(string reason) => Release(reason);

    private void Release(string? failure)
    {
        var current = gate;
        gate = null;
        current?.TrySetResult(failure);
    }

    /// <summary>The progress a run reports while it waits at the gate.</summary>
    public int HeldAtPercent { get; set; } = 1;

    public async Task PassAsync(CancellationToken ct)
    {
        if (gate is not { } current) return;
        reached.TrySetResult();
        if (await current.Task.WaitAsync(ct) is { } failure) throw new TrainingFailedException(failure);
    }
}

public sealed class GatedTrainingEngine(SimulatedTrainingEngine simulated, TrainingGate gate) : ITrainingEngine
{
    public string Name => simulated.Name;

    public async Task<TrainingOutcome> TrainAsync(TrainingInput input, ITrainingProgress progress, CancellationToken ct)
    {
        await progress.StageAsync(TrainingStages.Validate, gate.HeldAtPercent, ct);
        await gate.PassAsync(ct);
        return await simulated.TrainAsync(input, progress, ct);
    }
}

/// <summary>The real server with the simulated engine behind a <see cref="TrainingGate"/> (runs last about 2 s once through it).</summary>
public class GatedEngineFactory : DashboardFactory
{
    public TrainingGate Gate { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITrainingEngine>();
            services.AddSingleton(Gate);
            services.AddScoped<SimulatedTrainingEngine>();
            services.AddScoped<ITrainingEngine, GatedTrainingEngine>();
        });
    }
}
