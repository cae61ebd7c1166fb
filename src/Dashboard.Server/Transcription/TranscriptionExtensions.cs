namespace Dashboard.Server.Transcription;

public static class TranscriptionExtensions
{
    /// <summary>POST /api/v3/stt and POST /v1/listen (Deepgram-compatible), on PocketSphinx (registered by AddSpeech).</summary>
    public static WebApplicationBuilder AddTranscription(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TranscriptionRequestReader>();
        builder.Services.AddScoped<RecognizerResolver>();
        builder.Services.AddScoped<TranscriptionService>();
        builder.Services.AddScoped<Listen.ListenTranscriber>();
        builder.Services.AddScoped<Listen.RemoteAudioFetcher>();
        builder.Services.AddScoped<Listen.ListenCallbacks>();
        builder.Services.AddScoped<Listen.ListenCallbackRunner>();
        return builder;
    }

    /// <summary>/stt in the API group; /v1/listen at Deepgram's path, outside it.</summary>
    public static WebApplication MapTranscriptionApi(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapSttApi();
        app.MapListenApi();
        return app;
    }
}
