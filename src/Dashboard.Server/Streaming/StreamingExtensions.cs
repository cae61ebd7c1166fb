namespace Dashboard.Server.Streaming;

public static class StreamingExtensions
{
    /// <summary>Live transcription: GET /v1/listen as a WebSocket (needs AddTranscription for models and decoders).</summary>
    public static WebApplicationBuilder AddStreaming(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<StreamRecorder>();
        return builder;
    }

    public static WebApplication MapStreaming(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapStreamingApi();
        return app;
    }
}
