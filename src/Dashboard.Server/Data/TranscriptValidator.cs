using System.Text;

namespace Dashboard.Server.Data;

public sealed class TranscriptRejectedException(string problem) : Exception(problem);

/// <summary>A transcript must be non-empty plain UTF-8 text.</summary>
public static class TranscriptValidator
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the number of words in the transcript.</summary>
    public static async Task<int> ValidateAsync(string path, CancellationToken ct)
    {
        if (new FileInfo(path).Length > MaxBytes)
            throw new TranscriptRejectedException($"is larger than {MaxBytes / (1024 * 1024)} MB; a transcript is plain text.");
        string text;
        try
        {
            text = StrictUtf8.GetString(await File.ReadAllBytesAsync(path, ct));
        }
        catch (DecoderFallbackException)
        {
            throw new TranscriptRejectedException("is not UTF-8 text; save the transcript as plain UTF-8 (.txt).");
        }
        text = text.TrimStart('\uFEFF');
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new TranscriptRejectedException("contains binary data; a transcript must be plain text.");
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (words == 0) throw new TranscriptRejectedException("is empty; it must contain the words spoken in the audio.");
        return words;
    }
}
