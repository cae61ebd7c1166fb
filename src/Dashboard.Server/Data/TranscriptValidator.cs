using System.Text;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Server.Data;

public sealed class TranscriptRejectedException(string problem) : Exception(problem);

/// <summary>Words and sentences (as the trainer splits them) of a plain-text file.</summary>
public sealed record TextStatistics(int Words, int Sentences);

/// <summary>A transcript, or a text data file, must be non-empty plain UTF-8 text. Read line by line: never whole in memory.</summary>
public static class TranscriptValidator
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the number of words in the transcript.</summary>
    public static async Task<int> ValidateAsync(string path, CancellationToken ct) =>
        (await InspectAsync(path, MaxBytes, "the words spoken in the audio", ct)).Words;

    /// <summary>Checks a plain-text file of at most <paramref name="maxBytes"/>; <paramref name="expected"/> says what an empty one should contain.</summary>
    public static async Task<TextStatistics> InspectAsync(string path, long maxBytes, string expected, CancellationToken ct)
    {
        if (new FileInfo(path).Length > maxBytes)
            throw new TranscriptRejectedException($"is larger than {maxBytes / (1024 * 1024)} MB; it must be plain text.");
        int words = 0, sentences = 0;
        try
        {
            using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
            var first = true;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (first) line = line.TrimStart('\uFEFF');
                first = false;
                if (line.Any(c => char.IsControl(c) && c is not '\t'))
                    throw new TranscriptRejectedException("contains binary data; it must be plain text.");
                words += line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                sentences += TranscriptNormalizer.NormalizeSentences(line).Count;
            }
        }
        catch (DecoderFallbackException)
        {
            throw new TranscriptRejectedException("is not UTF-8 text; save it as plain UTF-8 (.txt).");
        }
        if (words == 0) throw new TranscriptRejectedException($"is empty; it must contain {expected}.");
        return new TextStatistics(words, sentences);
    }
}
