using System.Globalization;

namespace Dashboard.Server.Data;

/// <summary>
/// Audio that says it holds next to nothing is refused rather than taken as a recording: a header claiming a few bytes
/// of sound (a 0.0003 s "recording") or far less than the file carries is damaged or not what it claims.
/// </summary>
public static class AudioPlausibility
{
    public const double MinimumSeconds = 0.1;

    /// <summary>Room for tags, cover art and padding beside the declared sound of an uncompressed file.</summary>
    private const long SlackBytes = 1024 * 1024;

    /// <param name="pcmBytes">For uncompressed audio, the bytes of sound its header declares; null for compressed audio.</param>
    public static void Check(double seconds, long? pcmBytes, long fileBytes)
    {
        if (seconds < MinimumSeconds)
            throw new AudioRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"holds only {seconds:0.####} seconds of audio; a recording must last at least {MinimumSeconds} seconds (is it cut off, or its header damaged?)."));
        if (pcmBytes is { } declared && fileBytes > 2 * declared + SlackBytes)
            throw new AudioRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"declares {seconds:0.###} seconds of audio but is {fileBytes / 1024} KB, far more than that needs: its header is damaged."));
    }

    public static void CheckLength(double seconds, double maxSeconds)
    {
        if (seconds > maxSeconds)
            throw new AudioRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"is {seconds / 3600:0.##} hours long; one request may hold at most {maxSeconds / 3600:0.##} hours of audio (split it)."));
    }
}
