using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>Encryption at rest (section "Encryption"): where the keys come from.</summary>
public sealed class EncryptionOptions : IValidatableObject
{
    public const string Section = "Encryption";

    /// <summary>False only for benchmarks (the same server without encryption); never in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The key ring file; empty means Storage:Root/keys/blob-keys.json. Created (0600) on first start.</summary>
    public string? KeyFile { get; set; }

    /// <summary>A base64 32-byte key from a secret store; when set, the key file is not used.</summary>
    public string? Key { get; set; }

    /// <summary>Earlier configured keys (base64, comma separated) that old blobs may still use.</summary>
    public string? PreviousKeys { get; set; }

    public bool KeyFromConfiguration => !string.IsNullOrWhiteSpace(Key);

    public IEnumerable<string> ConfiguredKeys =>
        KeyFromConfiguration ? new[] { Key! }.Concat(PreviousKeyList) : [];

    private IEnumerable<string> PreviousKeyList =>
        (PreviousKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string KeyFilePath(string storageRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(KeyFile) ? Path.Combine(storageRoot, "keys", "blob-keys.json") : KeyFile);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PreviousKeys) && !KeyFromConfiguration)
            yield return new ValidationResult("Encryption:PreviousKeys is set but Encryption:Key is not.", [nameof(PreviousKeys)]);
        var position = 0;
        foreach (var key in ConfiguredKeys)
        {
            var name = position++ == 0 ? "Encryption:Key" : $"Encryption:PreviousKeys (entry {position - 1})";
            if (!EncryptionKey.TryParse(key, out _))
                yield return new ValidationResult($"{name} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).", [nameof(Key)]);
        }
    }
}
