namespace Dashboard.Server.Data;

/// <summary>What a client's audio is for: training data is audio only; transcription also takes the sound of a video.</summary>
public enum AudioUse
{
    TrainingData,
    Transcription,
}

/// <summary>
/// The containers ffprobe and ffmpeg may open on a client's file, by ffmpeg demuxer name, and the format name we keep.
/// Every other demuxer is refused before it runs: playlists (hls), lists of other files (concat), network sessions
/// (sdp, rtsp), image sequences, lavfi and the rest would make ffmpeg read files on the server or the network.
/// </summary>
public static class AudioContainers
{
    private static readonly (string Demuxer, string Format)[] Audio =
        [("mp3", "mp3"), ("wav", "wav"), ("flac", "flac"), ("mov", "m4a"), ("aac", "aac"), ("ogg", "ogg")];

    private static readonly (string Demuxer, string Format)[] TranscriptionOnly = [("matroska", "webm")];

    /// <summary>The formats a client may send, in words.</summary>
    public static string Names(AudioUse use) => use == AudioUse.TrainingData ? "MP3, WAV, FLAC, M4A, AAC or OGG" : "MP3, WAV, FLAC, M4A/MP4, AAC, OGG or WebM";

    /// <summary>ffmpeg's -format_whitelist: the only demuxers that may open the file.</summary>
    public static string Whitelist(AudioUse use) => string.Join(',', Of(use).Select(c => c.Demuxer));

    /// <summary>The accepted container in ffprobe's format_name (a list such as "mov,mp4,m4a,3gp,3g2,mj2"), if any.</summary>
    public static (string Demuxer, string Format)? Find(string formatName, AudioUse use)
    {
        var names = formatName.Split(',');
        foreach (var container in Of(use))
        {
            if (names.Contains(container.Demuxer)) return container;
        }
        return null;
    }

    /// <summary>The demuxer of a format a data upload was accepted in: a stored file is decoded without probing it again.</summary>
    public static string DemuxerOf(string format) => Audio.Where(c => c.Format == format).Select(c => c.Demuxer).FirstOrDefault()
        ?? throw new AudioRejectedException($"is stored in the '{format}' format, which is not accepted; upload it again as {Names(AudioUse.TrainingData)}.");

    /// <summary>A format a data upload may have (and a browser plays from storage).</summary>
    public static bool IsUploadFormat(string format) => Audio.Any(c => c.Format == format);

    private static IEnumerable<(string Demuxer, string Format)> Of(AudioUse use) =>
        use == AudioUse.TrainingData ? Audio : Audio.Concat(TranscriptionOnly);
}
