using System.Text;
using System.Text.Json;
using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Shared.Transcription;

namespace Dashboard.Server.Speech;

/// <summary>
/// Writes a trained version (manifest, language model, dictionary, evaluation) to blob storage under
/// <see cref="BlobKeys.Artifact"/>, and reads it back into a <see cref="RecognizerSpec"/> for a decoder.
/// </summary>
public sealed class SphinxArtifactStore(IBlobStorage storage)
{
    /// <summary>Stores the files of <paramref name="workFolder"/> named in the manifest, then the evaluation and the manifest; returns the manifest's key.</summary>
    public async Task<string> SaveAsync(SphinxModelManifest manifest, string workFolder, EvaluationResponse evaluation, CancellationToken ct)
    {
        foreach (var name in new[] { manifest.DomainLanguageModelArpa, manifest.DomainLanguageModel, manifest.Dictionary, manifest.AcousticTransform }.OfType<string>()
            .Concat(manifest.AdaptedAcousticModelFiles().Select(f => f.Stored)))
        {
            await using var file = File.OpenRead(Path.Combine(workFolder, name));
            await storage.WriteAsync(KeyOf(manifest, name), file, ct);
        }
        await WriteJsonAsync(KeyOf(manifest, SphinxModelManifest.EvaluationFileName), evaluation, ct);
        var manifestKey = KeyOf(manifest, SphinxModelManifest.FileName);
        await WriteJsonAsync(manifestKey, manifest, ct); // last: a manifest means the version is complete
        return manifestKey;
    }

    public async Task<SphinxModelManifest> ReadManifestAsync(string manifestKey, CancellationToken ct)
    {
        await using var stream = storage.OpenRead(manifestKey);
        return await JsonSerializer.DeserializeAsync<SphinxModelManifest>(stream, SphinxModelManifest.Json, ct)
            ?? throw new InvalidDataException($"Empty manifest {manifestKey}.");
    }

    /// <summary>The evaluation stored with a version, or null if there is none (e.g. a run of the simulated engine).</summary>
    public async Task<EvaluationResponse?> ReadEvaluationAsync(int modelId, int version, CancellationToken ct)
    {
        var key = BlobKeys.Artifact(modelId, version, SphinxModelManifest.EvaluationFileName);
        if (!storage.Exists(key)) return null;
        await using var stream = storage.OpenRead(key);
        return await JsonSerializer.DeserializeAsync<EvaluationResponse>(stream, SphinxModelManifest.Json, ct);
    }

    /// <summary>Copies a version's language model, dictionary, MLLR transform and MAP-adapted acoustic model (those it has) into <paramref name="workFolder"/> and describes the decoder to build from them, with the settings tuning chose.</summary>
    public async Task<RecognizerSpec> LoadSpecAsync(string key, string manifestKey, string workFolder, CancellationToken ct)
    {
        var manifest = await ReadManifestAsync(manifestKey, ct);
        var dictionary = Path.Combine(workFolder, manifest.Dictionary);
        await storage.CopyToFileAsync(KeyOf(manifest, manifest.Dictionary), dictionary, ct);
        var pronunciations = ReadDictionary(await File.ReadAllLinesAsync(dictionary, ct));
        List<WeightedLanguageModel> languageModels = [];
        if (manifest.DomainWeight > 0)
        {
            var languageModel = Path.Combine(workFolder, manifest.DomainLanguageModel);
            await storage.CopyToFileAsync(KeyOf(manifest, manifest.DomainLanguageModel), languageModel, ct);
            languageModels.Add(new WeightedLanguageModel(languageModel, manifest.DomainWeight));
        }
        string? transform = null;
        if (manifest.AcousticTransform is { } name)
        {
            transform = Path.Combine(workFolder, name);
            await storage.CopyToFileAsync(KeyOf(manifest, name), transform, ct);
        }
        string? adaptedModel = null;
        foreach (var (stored, read) in manifest.AdaptedAcousticModelFiles())
        {
            adaptedModel = Directory.CreateDirectory(Path.Combine(workFolder, manifest.AdaptedAcousticModel!)).FullName;
            await storage.CopyToFileAsync(KeyOf(manifest, stored), Path.Combine(adaptedModel, read), ct);
        }
        return new RecognizerSpec(key, pronunciations, languageModels, transform, manifest.LanguageWeight, manifest.WordInsertionPenalty, AdaptedAcousticModelFolder: adaptedModel);
    }

    /// <summary>Dictionary lines in the CMU format: "word PH ON ES".</summary>
    public static string FormatDictionary(IEnumerable<Pronunciation> pronunciations) =>
        string.Concat(pronunciations.Select(p => $"{p.Word} {p.Phones}\n"));

    public static IReadOnlyList<Pronunciation> ReadDictionary(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .Select(p => new Pronunciation(p[0], p[1]))
            .ToList();

    private async Task WriteJsonAsync<T>(string key, T value, CancellationToken ct)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, SphinxModelManifest.Json)));
        await storage.WriteAsync(key, content, ct);
    }

    private static string KeyOf(SphinxModelManifest manifest, string name) => BlobKeys.Artifact(manifest.ModelId, manifest.Version, name);
}
