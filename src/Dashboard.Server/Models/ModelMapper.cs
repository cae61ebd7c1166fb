using Dashboard.Server.Billing;
using Dashboard.Server.Data;
using Dashboard.Server.Training;
using Dashboard.Shared.Data;
using Dashboard.Shared.Models;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Models;

/// <summary>Turns entities into the API's contracts; entities never leave the server.</summary>
public sealed class ModelMapper(TrainingPriceCalculator prices, IOptions<TrainingOptions> training)
{
    public ModelDto ToDto(CustomModel model, IReadOnlyCollection<DataFile> files, ModelVersions versions)
    {
        var train = files.Where(f => f.Type == DataSetTypes.Train).ToList();
        var test = files.Where(f => f.Type == DataSetTypes.Test).ToList();
        var trainHours = DataFile.HoursOf(train);
        return new ModelDto(model.Id, model.Name, model.Language, model.BaseModel, model.Description,
            model.TrainingStatus, model.TrainingProgress, MetricsOf(versions.Shown), model.FailureReason,
            model.CreatedAt, model.UpdatedAt,
            new DataSummaryDto(train.Count, test.Count, Math.Round(trainHours, 4), Math.Round(DataFile.HoursOf(test), 4), training.Value.MinimumAudioHours),
            prices.Estimate(trainHours), versions.Shown?.Engine ?? training.Value.Engine, versions.Serving?.Version,
            versions.ServedBy(model), versions.HeldBackOf(model));
    }

    public static TrainingMetricsDto? MetricsOf(TrainingRun? run) => run is { WordErrorRate: { } wer } ? new TrainingMetricsDto(
        wer, run.AccuracyImprovement ?? 0, run.CharacterErrorRate ?? 0, run.TrainingHours, run.BaseWordErrorRate ?? 0, run.Version) : null;

    public static DataFileDto ToDto(DataFile file) => new(file.Id, file.Type, file.AudioFileName, file.TranscriptFileName,
        file.Format, file.DurationSeconds, file.SampleRate, file.Channels, file.BitRate, file.AudioBytes, file.TranscriptWords,
        file.Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries), file.CreatedAt, file.TranscriptBytes, file.Sentences);
}
