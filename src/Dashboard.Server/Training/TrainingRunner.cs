using Dashboard.Server.Speech;
using Dashboard.Shared.Formatting;
using Dashboard.Shared.Training;

namespace Dashboard.Server.Training;

/// <summary>Executes one training run from start to a final state; what the Quartz job calls. The transitions are the state machine's.</summary>
public sealed class TrainingRunner(
    TrainingStateMachine machine,
    IEnumerable<ITrainingEngine> engines,
    TrainingProgressWriter progressWriter,
    TrainingLog log,
    IHostApplicationLifetime lifetime,
    ILogger<TrainingRunner> logger)
{
    public const string StoppingMessage = "Server stopping during training; the run resumes when the server starts again.";
    public const string RestartedMessage = "The server restarted during this run; training starts again from the beginning.";

    public async Task RunAsync(int modelId, int runId, bool recovering, CancellationToken ct)
    {
        var begun = await machine.BeginAsync(modelId, runId, ct);
        if (begun is null)
        {
            logger.LogInformation("Skipping stale training run {RunId} of model {ModelId}", runId, modelId);
            return;
        }
        var input = begun.Input;
        if (begun.Restarted || recovering)
            await log.WriteAsync(modelId, runId, LogLevels.Warning, RestartedMessage, ct);
        var engine = engines.First(e => e.Name == begun.Engine);
        await log.WriteAsync(modelId, runId, LogLevels.Info,
            $"Training version {input.Version} with the {engine.Name} engine on {input.TrainFiles.Count} training and {input.TestFiles.Count} test files ({AudioHours.Describe(input.TrainingHours)}).", ct);
        try
        {
            var outcome = await engine.TrainAsync(input, progressWriter.For(modelId, runId), ct);
            await machine.CompleteAsync(modelId, runId, input, outcome);
        }
        catch (OperationCanceledException e)
        {
            // Canceled by the user or the model deleted: the transition that stopped the run has said so.
            if (!await machine.IsCurrentAsync(modelId, runId)) return;
            if (!ct.IsCancellationRequested || !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await machine.FailAsync(modelId, runId, $"Training stopped on an internal error: {e.Message}");
                return;
            }
            // The host is stopping: the run stays in "Running", and Quartz hands the firing back for recovery
            // because the job ends by throwing (AdoJobStoreOptions.RecoverFiringsCancelledByShutdown).
            await log.WriteAsync(modelId, runId, LogLevels.Warning, StoppingMessage, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is TrainingFailedException or SpeechToolException)
        {
            await machine.FailAsync(modelId, runId, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Training run {RunId} of model {ModelId} crashed", runId, modelId);
            await machine.FailAsync(modelId, runId, $"Training stopped on an internal error: {e.Message}");
        }
    }
}
