using Dashboard.Server.Training.Sphinx.Tuning;

namespace Dashboard.Server.Training.Sphinx;

public static class SphinxTrainingExtensions
{
    /// <summary>The sphinx engine: corpus preparation, long-recording segmentation, tuning and the model artifact store.</summary>
    public static IServiceCollection AddSphinxTraining(this IServiceCollection services)
    {
        services.AddScoped<ITrainingEngine, SphinxTrainingEngine>();
        services.AddSingleton<SphinxCorpusPreparer>();
        services.AddSingleton<SphinxArtifactStore>();
        services.AddSingleton<LongRecordingSegmenter>();
        services.AddSingleton<ModelTuner>();
        services.AddSingleton<TuningStage>();
        return services;
    }
}
