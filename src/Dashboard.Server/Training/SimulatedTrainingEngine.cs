using Dashboard.Shared.Formatting;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Shared.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training;

/// <summary>
/// Walks the real stages over the model's real files (every file is read and checked), paced by the
/// amount of audio, and reports metrics from the seed's table of expected improvement by hours of data.
/// The numbers are deterministic per model and version: a demo and test engine, not a recognizer.
/// </summary>
public sealed class SimulatedTrainingEngine(IBlobStorage storage, IOptionsMonitor<TrainingOptions> options) : ITrainingEngine
{
    public string Name => TrainingEngines.Simulated;

    public async Task<TrainingOutcome> TrainAsync(TrainingInput input, ITrainingProgress progress, CancellationToken ct)
    {
        var files = input.TrainFiles.Concat(input.TestFiles).ToList();
        var simulation = options.CurrentValue.Simulation;
        var total = TimeSpan.FromSeconds(Math.Max(simulation.MinimumSeconds, input.TrainingHours * simulation.SecondsPerAudioHour));
        await progress.LogAsync(LogLevels.Info, $"Planned duration {total.TotalSeconds:0} s for {AudioHours.Describe(input.TrainingHours)} of training audio.", ct);

        await progress.StageAsync(TrainingStages.Validate, 0, ct);
        for (var i = 0; i < files.Count; i++)
        {
            await CheckReadableAsync(files[i], ct);
            await progress.ProgressAsync(Percent(0, 10, i + 1, files.Count), ct);
        }
        await progress.LogAsync(LogLevels.Info, $"Validated {input.TrainFiles.Count} training and {input.TestFiles.Count} test pairs.", ct);

        await progress.StageAsync(TrainingStages.Prepare, 10, ct);
        await WalkAsync(progress, 10, 30, total * 0.2, i => $"Extracted features from {files[i % files.Count].AudioFileName}", files.Count, ct);

        await progress.StageAsync(TrainingStages.Train, 30, ct);
        const int epochs = 8;
        var loss = 2.4;
        await WalkAsync(progress, 30, 85, total * 0.6, i => $"Epoch {i + 1}/{epochs}: loss {loss *= 0.82:0.000}", epochs, ct);

        await progress.StageAsync(TrainingStages.Evaluate, 85, ct);
        var outcome = Metrics(input, simulation.ImprovementPercent);
        await WalkAsync(progress, 85, 100, total * 0.2, i => $"Decoded test utterance {i + 1}/{input.TestFiles.Count}: {input.TestFiles[i].AudioFileName}", input.TestFiles.Count, ct);
        await progress.LogAsync(LogLevels.Info, $"Test set WER: base {outcome.BaseWordErrorRate:0.0}%, custom {outcome.WordErrorRate:0.0}%.", ct);
        return outcome;
    }

    /// <summary>The seed's expected improvement by hours of training audio (or the configured one), with a deterministic spread per model.</summary>
    public static TrainingOutcome Metrics(TrainingInput input, double? fixedImprovement = null)
    {
        var random = new Random(HashCode.Combine(input.ModelId, input.Version) & int.MaxValue);
        var hours = input.TrainingHours;
        var (low, high) = hours switch
        {
            < 5 => (5.0, 10.0),
            < 10 => (10.0, 15.0),
            < 30 => (15.0, 25.0),
            < 50 => (25.0, 30.0),
            _ => (30.0, 35.0),
        };
        var improvement = fixedImprovement ?? low + (high - low) * random.NextDouble();
        var baseWer = Math.Round(16 + 14 * random.NextDouble(), 2);
        var wer = Math.Round(baseWer * (1 - improvement / 100), 2);
        var cer = Math.Round(wer * (0.55 + 0.15 * random.NextDouble()), 2);
        return new TrainingOutcome(wer, baseWer, cer, null);
    }

    private async Task CheckReadableAsync(DataFile file, CancellationToken ct)
    {
        foreach (var (blob, name) in new[] { (file.AudioBlob, file.AudioFileName), (file.TranscriptBlob, file.TranscriptFileName) })
        {
            try
            {
                await using var stream = storage.OpenRead(blob);
                var buffer = new byte[81920];
                while (await stream.ReadAsync(buffer, ct) > 0) { }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TrainingFailedException($"{name} ({file.Type} set) could not be read: {e.Message}");
            }
        }
    }

    private static async Task WalkAsync(ITrainingProgress progress, int from, int to, TimeSpan duration, Func<int, string> line, int steps, CancellationToken ct)
    {
        steps = Math.Clamp(steps, 1, 60); // a long data set is summarized, not logged line by line
        var pause = duration / steps;
        for (var i = 0; i < steps; i++)
        {
            await Task.Delay(pause, ct);
            await progress.LogAsync(LogLevels.Info, line(i), ct);
            await progress.ProgressAsync(Percent(from, to, i + 1, steps), ct);
        }
    }

    private static int Percent(int from, int to, int done, int total) => from + (to - from) * done / Math.Max(1, total);
}
