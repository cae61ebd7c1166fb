using Dashboard.Shared.Models;

namespace Dashboard.Server.Speech;

/// <summary>
/// The base models of the sphinx engine: general, medical, legal and technical all use the stock en-us acoustic model,
/// dictionary and language model (the last three with a built-in vocabulary, see <see cref="BaseRecognizers"/>).
/// Only English is available.
/// </summary>
public static class SphinxRecognizers
{
    public const string Language = "en";

    public static bool IsBaseModel(string name) => BaseModels.All.Contains(name);

    /// <summary>Throws (with <paramref name="error"/>) unless the language and base model can be served by this engine.</summary>
    public static void EnsureSupported(string language, string baseModel, Func<string, Exception> error)
    {
        if (!string.Equals(language, Language, StringComparison.OrdinalIgnoreCase))
            throw error($"The sphinx engine recognizes English ('en') only; this model's language is '{language}'. Use a model with language 'en'.");
        if (!IsBaseModel(baseModel))
            throw error($"Unknown base model '{baseModel}'; use one of {string.Join(", ", BaseModels.All)}.");
    }
}
