using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Server.Errors;
using Dashboard.Server.Privacy;
using Dashboard.Server.Speech.Keywords;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Transcription;

/// <summary>What a client sent to transcribe: the audio staged on disk (deleted on dispose) and the request's options.</summary>
public sealed class TranscriptionRequest : IDisposable
{
    public string? Model { get; set; }
    public string? Language { get; set; }
    public bool? MipOptOut { get; set; }
    public StagedFile? Audio { get; set; }
    public string AudioFileName { get; set; } = "audio_file";
    public List<string> Keywords { get; } = [];

    public void Dispose() => Audio?.Dispose();
}

/// <summary>Reads the body of POST /api/v3/stt (multipart) or POST /v1/listen (raw audio), streaming the audio to staging.</summary>
public sealed class TranscriptionRequestReader(IBlobStorage storage, IOptions<StorageOptions> options)
{
    private long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<TranscriptionRequest> ReadMultipartAsync(HttpRequest http, CancellationToken ct)
    {
        var request = new TranscriptionRequest();
        try
        {
            await MultipartForm.ReadAsync(http, MaxBytes, "Send multipart/form-data with the fields model, language and audio_file.", async part =>
            {
                switch (part.Field)
                {
                    case "model": request.Model = await part.ReadValueAsync(ct); break;
                    case "language": request.Language = await part.ReadValueAsync(ct); break;
                    case MipOptOutFlag.Name: request.MipOptOut = MipOptOutFlag.Parse(await part.ReadValueAsync(ct)); break;
                    case "keywords" when request.Keywords.Count < KeywordBoost.MaxTerms: request.Keywords.Add(await part.ReadLongValueAsync(8192, ct)); break;
                    case "audio_file" when request.Audio is null:
                        request.Audio = await storage.StageAsync(part.Section.Body, MaxBytes, ct);
                        request.AudioFileName = UploadedPair.DisplayName(part.FileName, "audio_file");
                        break;
                    default: await part.SkipAsync(ct); break;
                }
            }, ct);
        }
        catch
        {
            request.Dispose();
            throw;
        }
        if (request.Audio is null or { Length: 0 })
        {
            request.Dispose();
            throw ApiErrors.Validation("audio_file", "audio_file is required: the audio to transcribe (MP3, WAV, FLAC, M4A, AAC or OGG).");
        }
        return request;
    }

    /// <summary>Deepgram style: the whole body is the audio, whatever its content type says (or without one).</summary>
    public async Task<StagedFile> ReadRawAsync(HttpRequest http, CancellationToken ct)
    {
        MultipartForm.AllowBodyUpTo(http, MaxBytes);
        var staged = await storage.StageAsync(http.Body, MaxBytes, ct);
        if (staged.Length > 0) return staged;
        staged.Dispose();
        throw ApiErrors.Validation("body", "The request body is empty; send the audio to transcribe.");
    }

    /// <summary>A JSON body is Deepgram's `{"url": "..."}` source; any other body is the audio itself.</summary>
    public static bool IsJson(HttpRequest http) => http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private const int MaxUrlBodyBytes = 64 * 1024;

    public static async Task<string> ReadUrlAsync(HttpRequest http, CancellationToken ct)
    {
        const string expected = "A JSON body must be {\"url\": \"https://...\"}: the address of the audio to transcribe.";
        if (http.ContentLength > MaxUrlBodyBytes) throw ApiErrors.Validation("url", expected);
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(url.GetString())
                ? url.GetString()!.Trim()
                : throw ApiErrors.Validation("url", expected);
        }
        catch (JsonException)
        {
            throw ApiErrors.Validation("url", expected);
        }
    }

    public static bool? ParseFlag(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw ApiErrors.Validation(field, $"{field} must be true or false."),
    };
}
