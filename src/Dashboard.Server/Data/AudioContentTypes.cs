namespace Dashboard.Server.Data;

/// <summary>The media type a browser needs to play a stored audio file, by the format its probe found.</summary>
public static class AudioContentTypes
{
    public static string Of(string format) => format switch
    {
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "flac" => "audio/flac",
        "m4a" => "audio/mp4",
        "aac" => "audio/aac",
        "ogg" => "audio/ogg",
        _ => "application/octet-stream",
    };
}
