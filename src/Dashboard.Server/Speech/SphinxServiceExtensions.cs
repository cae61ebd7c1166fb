using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech.Adaptation;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Lexicon;
using Dashboard.Server.Training.Sphinx;

namespace Dashboard.Server.Speech;

public static class SphinxServiceExtensions
{
    /// <summary>PocketSphinx decoding and model building; safe to call more than once (training and transcription both need it).</summary>
    public static IServiceCollection AddSphinxRecognition(this IServiceCollection services)
    {
        services.AddOptions<SphinxOptions>().BindConfiguration(SphinxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new PronunciationDictionary(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton(sp => new EspeakGraphemeToPhoneme(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton(sp => new FliteLetterToSound(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton<VocabularyPronouncer>();
        services.TryAddSingleton<DomainModelBuilder>();
        services.TryAddSingleton<BaseRecognizers>();
        services.TryAddSingleton<SphinxCorpusPreparer>();
        services.TryAddSingleton<SphinxArtifactStore>();
        services.TryAddSingleton<ModelFilesForSphinxTrain>();
        services.TryAddSingleton<AcousticAdaptation>();
        services.TryAddSingleton<Training.Sphinx.Tuning.ModelTuner>();
        services.TryAddSingleton<LongRecordingSegmenter>();
        services.TryAddSingleton<Training.Sphinx.Tuning.TuningStage>();
        services.TryAddSingleton<DecoderPool>();
        services.TryAddSingleton<Keywords.KeywordBooster>();
        return services;
    }
}
