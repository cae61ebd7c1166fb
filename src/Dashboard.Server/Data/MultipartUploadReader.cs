using Dashboard.Server.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Server.Data;

/// <summary>Reads a multipart upload section by section, streaming each file to staging: nothing is held in memory.</summary>
public sealed class MultipartUploadReader(IBlobStorage storage)
{
    public async Task<UploadedPair> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw ApiErrors.PayloadTooLarge(maxBytes / (1024 * 1024));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 1024 * 1024; // our own count below gives the 413 with the envelope
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || mediaType?.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
            throw ApiErrors.Validation("body", "Send the upload as multipart/form-data with fields type, audio_file and transcript_file.");

        var pair = new UploadedPair();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            long remaining = maxBytes;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                switch (field)
                {
                    case "type":
                        pair.Type = (await new StreamReader(section.Body).ReadToEndAsync(ct)).Trim();
                        break;
                    case "audio_file" when pair.Audio is null:
                        pair.Audio = await storage.StageAsync(section.Body, remaining, ct);
                        pair.AudioFileName = UploadedPair.DisplayName(fileName, "audio_file");
                        remaining -= pair.Audio.Length;
                        break;
                    case "transcript_file" when pair.Transcript is null:
                        pair.Transcript = await storage.StageAsync(section.Body, Math.Min(remaining, TranscriptValidator.MaxBytes + 1), ct);
                        pair.TranscriptFileName = UploadedPair.DisplayName(fileName, "transcript_file");
                        remaining -= pair.Transcript.Length;
                        break;
                    default:
                        await section.Body.DrainAsync(ct);
                        break;
                }
            }
            return pair;
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            pair.Dispose();
            throw ApiErrors.Validation("body", "The multipart body is malformed or was cut off.");
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }
}
