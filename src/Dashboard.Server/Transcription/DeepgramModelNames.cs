using System.Security.Cryptography;
using System.Text;
using Dashboard.Shared.Models;
using Dashboard.Shared.Transcription;

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

    /// <summary>Deepgram names models by UUID in metadata; ours are stable ids from the decoder key.</summary>
    public static string IdOf(ResolvedModel model) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(model.DecoderKey)).AsSpan(0, 16)).ToString();

    /// <summary>metadata.model_info[id] of a file's answer and of a stream's messages alike.</summary>
    public static DeepgramModelInfo InfoOf(ResolvedModel model) => new(model.Name, model.ServedBy, "pocketsphinx");
}
