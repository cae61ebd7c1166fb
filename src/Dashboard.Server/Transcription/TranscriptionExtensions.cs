using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx;

namespace Dashboard.Server.Transcription;

public static class TranscriptionExtensions
{
    /// <summary>POST /api/v3/stt, POST /v1/listen (Deepgram-compatible) and GET /api/v3/custom_models/{id}/evaluation, on PocketSphinx.</summary>
    public static WebApplicationBuilder AddTranscription(this WebApplicationBuilder builder)
    {
        builder.Services.AddSphinxRecognition();
        builder.Services.AddScoped<TranscriptionRequestReader>();
        builder.Services.AddScoped<RecognizerResolver>();
        builder.Services.AddSingleton<ModelDecoders>();
        builder.Services.AddScoped<TranscriptionService>();
        builder.Services.AddScoped<Listen.ListenTranscriber>();
        builder.Services.AddScoped<Listen.RemoteAudioFetcher>();
        builder.Services.AddScoped<Listen.ListenCallbacks>();
        builder.Services.AddScoped<Listen.ListenCallbackRunner>();
        return builder;
    }

    public static WebApplication MapTranscriptionApi(this WebApplication app)
    {
        app.MapSttApi();
        app.MapListenApi();
        app.MapEvaluationApi();
        return app;
    }
}
