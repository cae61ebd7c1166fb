using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Lexicon;

namespace Dashboard.Server.Speech;

public static class SphinxServiceExtensions
{
    /// <summary>PocketSphinx decoding, pronunciations, language model building and the trained model's artifact: what training and transcription both use.</summary>
    public static WebApplicationBuilder AddSpeech(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SphinxOptions>().BindConfiguration(SphinxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new PronunciationDictionary(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton(sp => new EspeakGraphemeToPhoneme(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton(sp => new FliteLetterToSound(sp.GetRequiredService<IOptions<SphinxOptions>>().Value));
        services.TryAddSingleton<VocabularyPronouncer>();
        services.TryAddSingleton<DomainModelBuilder>();
        services.TryAddSingleton<BaseRecognizers>();
        services.TryAddSingleton<DecoderPool>();
        services.TryAddSingleton<SphinxArtifactStore>();
        services.TryAddSingleton<Keywords.KeywordBooster>();
        return builder;
    }
}
