namespace Dashboard.Shared.Versions;

/// <summary>A successful training run: its metrics, the data it trained on, and whether it serves transcription requests.</summary>
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
    bool Serving);

/// <summary>GET /custom_models/{id}/versions: newest first; serving_version is null until a run succeeds.</summary>
public sealed record ModelVersionsResponse(int ModelId, int? ServingVersion, IReadOnlyList<ModelVersionDto> Data);

/// <summary>A model's versions for the dashboard; choosing the serving one is for admins (DashboardException 403 otherwise).</summary>
public interface IModelVersionsClient
{
    Task<ModelVersionsResponse> ListAsync(int modelId, CancellationToken ct);
    Task<ModelVersionsResponse> ServeAsync(int modelId, int version, CancellationToken ct);
}
