using Dashboard.Server.Errors;
using Dashboard.Shared.Errors;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Server.Data;

/// <summary>
/// The Range header of an audio download, checked before the file is streamed: a range outside the file is 416 in the
/// envelope (the framework would answer it with an empty body), and a Range in another unit than bytes is ignored.
/// </summary>
public static class AudioRange
{
    public static void Check(HttpRequest request, long length)
    {
        if (request.Headers.Range.Count == 0) return;
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range)) return; // malformed: ignored, the whole file is sent
        if (!range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Remove(HeaderNames.Range);
            return;
        }
        if (range.Ranges.Any(r => Satisfiable(r, length))) return;
        throw ApiErrors.RangeOutsideFile(request.Headers.Range.ToString(), length);
    }

    private static bool Satisfiable(RangeItemHeaderValue item, long length) => item switch
    {
        { From: { } from } => from < length,
        { To: { } suffix } => suffix > 0 && length > 0,
        _ => false,
    };
}
