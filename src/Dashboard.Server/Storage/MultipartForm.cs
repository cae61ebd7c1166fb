using Dashboard.Server.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Server.Storage;

/// <summary>One part of a multipart/form-data body: its field name, the client's file name if any, and its content.</summary>
public sealed record FormSection(string Field, string? FileName, MultipartSection Section)
{
    /// <summary>A short form value (a type, a model name, a flag); the rest of an over-long value is skipped.</summary>
    public async Task<string> ReadValueAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(Section.Body);
        var buffer = new char[256];
        var read = await reader.ReadBlockAsync(buffer, ct);
        await Section.Body.DrainAsync(ct);
        return new string(buffer, 0, read).Trim();
    }

    /// <summary>A longer form value (a list of keywords); one over <paramref name="maxChars"/> is refused, not cut.</summary>
    public async Task<string> ReadLongValueAsync(int maxChars, CancellationToken ct)
    {
        using var reader = new StreamReader(Section.Body);
        var buffer = new char[maxChars + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > maxChars) throw ApiErrors.Validation(Field, $"{Field} is longer than {maxChars} characters.");
        return new string(buffer, 0, read).Trim();
    }

    /// <summary>Reads past a section the endpoint does not use.</summary>
    public Task SkipAsync(CancellationToken ct) => Section.Body.DrainAsync(ct);
}

/// <summary>
/// Streams a request body section by section (nothing is buffered in memory), with the upload size limit
/// answered as 413 in the envelope and a cut-off or malformed body as 400.
/// </summary>
public static class MultipartForm
{
    /// <summary>A section hands out at most this much per read; the default (4 KB) made a large upload tens of thousands of reads.</summary>
    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>Lets a body up to <paramref name="maxBytes"/> through Kestrel; our own counting gives the 413 with the envelope.</summary>
    public static void AllowBodyUpTo(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) throw ApiErrors.PayloadTooLarge(maxBytes / (1024 * 1024));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 1024 * 1024;
    }

    /// <summary>Calls <paramref name="onSection"/> for each section in order; <paramref name="expected"/> says what to send instead of a non-multipart body.</summary>
    public static async Task ReadAsync(HttpRequest request, long maxBytes, string expected, Func<FormSection, Task> onSection, CancellationToken ct)
    {
        AllowBodyUpTo(request, maxBytes);
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || mediaType?.MediaType.Value?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
            throw ApiErrors.Validation("body", expected);
        try
        {
            var reader = new MultipartReader(boundary, request.Body, ReadBufferBytes);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                await onSection(new FormSection(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", fileName, section));
            }
        }
        catch (IOException e) when (!ct.IsCancellationRequested && !StorageFull.Is(e)) // a full disk is the server's problem, not the body's
        {
            throw ApiErrors.Validation("body", "The multipart body is malformed or was cut off.");
        }
        catch (InvalidDataException e)
        {
            // The reader's own limits: a preamble or part headers over 16 KB, more than 16 headers in a part.
            throw ApiErrors.Validation("body", $"The multipart body is malformed: {e.Message}");
        }
    }
}
