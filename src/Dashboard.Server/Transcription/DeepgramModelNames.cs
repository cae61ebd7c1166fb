using System.Security.Cryptography;
using System.Text;
using Dashboard.Shared.Models;

namespace Dashboard.Server.Transcription;

/// <summary>Deepgram's model names (nova-3, enhanced, base, whisper-large…) mean "a general model" here; our own names pass through.</summary>
public static class DeepgramModelNames
{
    private static readonly string[] Families = ["nova", "enhanced", "base", "whisper", "general"];

    public static string? ToOurs(string? model)
    {
        if (string.IsNullOrWhiteSpace(model)) return null;
        var name = model.Trim();
        var family = name.Split('-')[0].ToLowerInvariant();
        return name.StartsWith(RecognizerResolver.CustomPrefix, StringComparison.Ordinal) || BaseModels.All.Contains(name) || !Families.Contains(family)
            ? name
            : BaseModels.General;
    }

    /// <summary>Deepgram names models by UUID in metadata; ours are stable name-based ids.</summary>
    public static Guid IdOf(string decoderKey) => new(SHA256.HashData(Encoding.UTF8.GetBytes(decoderKey)).AsSpan(0, 16));
}
