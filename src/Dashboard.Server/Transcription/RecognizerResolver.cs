using System.Text.RegularExpressions;
using Dashboard.Server.Errors;
using Dashboard.Server.Training;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Models;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;
using Dashboard.Server.Speech;

namespace Dashboard.Server.Transcription;

/// <summary>
/// A model name resolved for one organization: how to name it in answers, what answers (<see cref="ServedBy"/>:
/// `custom_model_{id}/v{n}` or a base model), and what its decoder loads (files written to the given folder, which must
/// live until the decoder is built).
/// </summary>
public sealed record ResolvedModel(string Name, int? ModelId, string DecoderKey, string ServedBy, Func<string, CancellationToken, Task<RecognizerSpec>> LoadSpec);

/// <summary>
/// Turns the `model` of a transcription request into a decoder: a base model name, or `custom_model_{id}` of the caller's
/// organization with a successful version: the serving one (the latest that is better than the base model, unless an admin
/// chose another), or its base model while the only versions are worse than it. Another organization's model is "not found".
/// </summary>
public sealed partial class RecognizerResolver(
    DashboardDbContext db, ModelVersionsReader versions, SphinxArtifactStore artifacts, BaseRecognizers baseRecognizers, ILogger<RecognizerResolver> logger)
{
    public const string CustomPrefix = "custom_model_";

    /// <summary>The model of a /v1/listen request (a file or a stream): Deepgram's model names mean a general model.</summary>
    public Task<ResolvedModel> ResolveAsync(int organizationId, Listen.ListenOptions options, CancellationToken ct) =>
        ResolveAsync(organizationId, DeepgramModelNames.ToOurs(options.Model), options.Language, ct);

    public async Task<ResolvedModel> ResolveAsync(int organizationId, string? model, string? language, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(model) ? BaseModels.General : model.Trim();
        EnsureLanguage(language);
        if (SphinxRecognizers.IsBaseModel(name)) return Base(name, name);
        var match = CustomModelName().Match(name);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var id))
            throw ApiErrors.Validation("model", $"Unknown model '{name}'; use one of {string.Join(", ", BaseModels.All)} or custom_model_{{id}}.");

        var custom = await db.CustomModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.OrganizationId == organizationId, ct)
            ?? throw ApiErrors.ModelNotFound(id);
        // The serving version answers also while the model retrains (3) or after a failed retrain (5).
        var modelVersions = await versions.ForAsync(custom, ct);
        if (modelVersions.Latest is null)
            throw ApiErrors.ModelNotReady(id, $"Custom model {id} has no trained version yet: its training status is {(int)custom.TrainingStatus} ({custom.TrainingStatus}); transcription needs a successful run (status 4).");
        SphinxRecognizers.EnsureSupported(custom.Language, custom.BaseModel, message => ApiErrors.Validation("model", message));
        if (modelVersions.Serving is not { } run) return Base(name, custom.BaseModel, id); // every version is worse than the base model
        if (run.Engine != TrainingEngines.Sphinx || run.ArtifactBlob is null)
        {
            logger.LogInformation("Model {ModelId} v{Version} was trained by the {Engine} engine, which makes no recognizer; using base model {Base}",
                id, run.Version, run.Engine, custom.BaseModel);
            return Base(name, custom.BaseModel, id) with { ServedBy = modelVersions.ServedBy(custom)! };
        }
        var manifestKey = run.ArtifactBlob;
        var key = $"{name}/v{run.Version}";
        return new ResolvedModel(name, id, key, key, async (folder, token) =>
            await baseRecognizers.WithBaseAsync(await artifacts.LoadSpecAsync(key, manifestKey, folder, token), custom.BaseModel, folder, token));
    }

    public static void EnsureLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return;
        var code = language.Trim().ToLowerInvariant();
        if (code != SphinxRecognizers.Language && !code.StartsWith(SphinxRecognizers.Language + "-", StringComparison.Ordinal))
            throw ApiErrors.Validation("language", $"Language '{language}' is not available; the recognizer supports English ('en') only.");
    }

    private ResolvedModel Base(string name, string baseModel, int? modelId = null) =>
        new(name, modelId, baseModel, baseModel, (folder, token) => baseRecognizers.ForBaseAsync(baseModel, folder, token));

    [GeneratedRegex("^custom_model_([0-9]{1,9})$")] private static partial Regex CustomModelName();
}
