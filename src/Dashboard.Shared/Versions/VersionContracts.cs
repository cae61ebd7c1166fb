namespace Dashboard.Shared.Versions;

/// <summary>
/// A successful training run: its metrics, the data it trained on, whether it serves transcription requests, and whether
/// it is worse than the base model on the test set (such a version serves only when an admin chooses it).
/// </summary>
public sealed record ModelVersionDto(
    int Version,
    DateTimeOffset CreatedAt,
    string Engine,
    double WordErrorRate,
    double BaseWordErrorRate,
    double CharacterErrorRate,
    double AccuracyImprovement,
    double TrainingHours,
    int DataFiles,
    int TrainFiles,
    int TestFiles,
    bool Serving,
    bool WorseThanBase);

/// <summary>
/// GET /custom_models/{id}/versions: newest first; serving_version is null until a version better than the base model
/// succeeds or an admin chooses one (<c>served_by</c> then names the base model that answers); <c>held_back</c> is the latest
/// version when it is worse than the base model and does not serve.
/// </summary>
public sealed record ModelVersionsResponse(int ModelId, int? ServingVersion, IReadOnlyList<ModelVersionDto> Data,
    string? ServedBy = null, Models.HeldBackVersionDto? HeldBack = null);

/// <summary>Choosing a model's serving version from the dashboard: for admins (DashboardException 403 otherwise).</summary>
public interface IModelVersionsClient
{
    Task<ModelVersionsResponse> ServeAsync(int modelId, int version, CancellationToken ct);
}
