using Dashboard.Server.Training.Sphinx.Adaptation;
using Dashboard.Server.Training.Sphinx.Tuning;

namespace Dashboard.Server.Training.Sphinx;

public static class SphinxTrainingExtensions
{
    /// <summary>The sphinx engine: corpus preparation, long-recording segmentation, acoustic adaptation and tuning.</summary>
    public static IServiceCollection AddSphinxTraining(this IServiceCollection services)
    {
        services.AddScoped<ITrainingEngine, SphinxTrainingEngine>();
        services.AddSingleton<SphinxCorpusPreparer>();
        services.AddSingleton<ModelFilesForSphinxTrain>();
        services.AddSingleton<AcousticAdaptation>();
        services.AddSingleton<MapAdaptation>();
        services.AddSingleton<LongRecordingSegmenter>();
        services.AddSingleton<ModelTuner>();
        services.AddSingleton<TuningStage>();
        return services;
    }
}
