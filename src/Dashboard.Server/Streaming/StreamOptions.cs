using System.Globalization;
using Dashboard.Server.Errors;
using Dashboard.Server.Transcription.Listen;
using static Dashboard.Server.Transcription.Listen.DeepgramQuery;

namespace Dashboard.Server.Streaming;

/// <summary>
/// The query of a /v1/listen WebSocket: the options shared with file requests (<see cref="ListenOptions"/>: model,
/// language, keywords/keyterm, punctuate, smart_format, tag, mip_opt_out) and the live ones. A bad value is a 400
/// before the upgrade; options a stream cannot honour (callback, utterances, paragraphs) are refused the same way.
/// </summary>
public sealed record StreamOptions
{
    /// <summary>Silences shorter than this are pauses inside words and sentences to an energy detector, not the end of speech.</summary>
    public const int MinimumEndpointingMs = 200;
    public const int DefaultEndpointingMs = 300;

    public static readonly string[] Encodings = ["linear16", "mulaw", "alaw"];

    public required ListenOptions Listen { get; init; }

    /// <summary>Raw audio format (linear16, mulaw, alaw); null: containerized audio (WAV, WebM/Opus, Ogg, MP3…) that ffmpeg reads.</summary>
    public string? Encoding { get; init; }
    public int SampleRate { get; init; } = 16000;
    public int Channels { get; init; } = 1;
    public bool InterimResults { get; init; }

    /// <summary>Silence that ends speech (speech_final); null: endpointing=false.</summary>
    public int? EndpointingMs { get; init; } = DefaultEndpointingMs;
    public int? UtteranceEndMs { get; init; }
    public bool VadEvents { get; init; }

    /// <summary>16 kHz mono 16-bit PCM as sent: the decoder reads it without conversion.</summary>
    public bool IsDecoderPcm => Encoding == "linear16" && SampleRate == 16000 && Channels == 1;

    public static StreamOptions Parse(IQueryCollection query, string queryString)
    {
        var listen = ListenOptions.Parse(query, queryString);
        if (listen.Callback is not null) throw ApiErrors.Validation("callback", "callback is not available for streams: results come over the WebSocket.");
        if (listen.Utterances || listen.Paragraphs)
            throw ApiErrors.Validation(listen.Utterances ? "utterances" : "paragraphs", "utterances and paragraphs are for pre-recorded audio (POST /v1/listen); streams give Results per utterance.");
        var encoding = Value(query, "encoding")?.ToLowerInvariant();
        if (encoding is not null && !Encodings.Contains(encoding))
            throw ApiErrors.Validation("encoding", $"encoding '{encoding}' is not available; use one of {string.Join(", ", Encodings)}, or send containerized audio (WAV, WebM, Ogg, MP3) without encoding.");
        return new StreamOptions
        {
            Listen = listen,
            Encoding = encoding,
            SampleRate = Number(query, "sample_rate", 8000, 48000) ?? (encoding is "mulaw" or "alaw" ? 8000 : 16000),
            Channels = Number(query, "channels", 1, 8) ?? 1,
            InterimResults = Flag(query, "interim_results") ?? false,
            EndpointingMs = Endpointing(Value(query, "endpointing")),
            UtteranceEndMs = Number(query, "utterance_end_ms", 1000, 60000),
            VadEvents = Flag(query, "vad_events") ?? false,
        };
    }

    private static int? Endpointing(string? value) => value?.ToLowerInvariant() switch
    {
        null => DefaultEndpointingMs,
        "false" => null,
        "true" => DefaultEndpointingMs,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 60000 => Math.Max(ms, MinimumEndpointingMs),
        _ => throw ApiErrors.Validation("endpointing", "endpointing must be a number of milliseconds (up to 60000) or false."),
    };

    private static int? Number(IQueryCollection query, string name, int min, int max) => Value(query, name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        _ => throw ApiErrors.Validation(name, $"{name} must be a whole number from {min} to {max}."),
    };
}
