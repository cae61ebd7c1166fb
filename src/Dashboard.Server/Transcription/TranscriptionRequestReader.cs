using Dashboard.Server.Data;
using Dashboard.Server.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Server.Transcription;

/// <summary>What a client sent to transcribe: the audio staged on disk (deleted on dispose) and the request's options.</summary>
public sealed class TranscriptionRequest : IDisposable
{
    public string? Model { get; set; }
    public string? Language { get; set; }
    public bool? MipOptOut { get; set; }
    public StagedFile? Audio { get; set; }
    public string AudioFileName { get; set; } = "audio_file";

    public void Dispose() => Audio?.Dispose();
}

/// <summary>Reads the body of POST /api/v3/stt (multipart) or POST /v1/listen (raw audio), streaming the audio to staging.</summary>
public sealed class TranscriptionRequestReader(IBlobStorage storage, IOptions<StorageOptions> options)
{
    private long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<TranscriptionRequest> ReadMultipartAsync(HttpRequest http, CancellationToken ct)
    {
        AllowLargeBody(http);
        var boundary = MediaTypeHeaderValue.TryParse(http.ContentType, out var mediaType) ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || mediaType?.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
            throw ApiErrors.Validation("body", "Send multipart/form-data with the fields model, language and audio_file.");
        var request = new TranscriptionRequest();
        try
        {
            var reader = new MultipartReader(boundary, http.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "model": request.Model = await TextAsync(section, ct); break;
                    case "language": request.Language = await TextAsync(section, ct); break;
                    case "mip_opt_out": request.MipOptOut = ParseFlag(await TextAsync(section, ct), "mip_opt_out"); break;
                    case "audio_file" when request.Audio is null:
                        request.Audio = await storage.StageAsync(section.Body, MaxBytes, ct);
                        request.AudioFileName = UploadedPair.DisplayName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value, "audio_file");
                        break;
                    default: await section.Body.DrainAsync(ct); break;
                }
            }
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            request.Dispose();
            throw ApiErrors.Validation("body", "The multipart body is malformed or was cut off.");
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

    /// <summary>Deepgram style: the whole body is the audio, whatever its content type says.</summary>
    public async Task<StagedFile> ReadRawAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            throw ApiErrors.Validation("body", "Send the audio bytes as the request body; transcription from a URL is not supported.");
        AllowLargeBody(http);
        var staged = await storage.StageAsync(http.Body, MaxBytes, ct);
        if (staged.Length > 0) return staged;
        staged.Dispose();
        throw ApiErrors.Validation("body", "The request body is empty; send the audio to transcribe.");
    }

    public static bool? ParseFlag(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw ApiErrors.Validation(field, $"{field} must be true or false."),
    };

    private void AllowLargeBody(HttpRequest http)
    {
        if (http.ContentLength > MaxBytes) throw ApiErrors.PayloadTooLarge(MaxBytes / (1024 * 1024));
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes + 1024 * 1024; // our own count gives the 413 with the envelope
    }

    private static async Task<string> TextAsync(MultipartSection section, CancellationToken ct)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[256]; // form values here are short names and flags
        var read = await reader.ReadBlockAsync(buffer, ct);
        await section.Body.DrainAsync(ct);
        return new string(buffer, 0, read).Trim();
    }
}
