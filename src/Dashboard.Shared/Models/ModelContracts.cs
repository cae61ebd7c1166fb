namespace Dashboard.Shared.Models;

public sealed record CreateModelRequest(string? Name, string? Language, string? BaseModel, string? Description);

/// <summary>POST /custom_models/{id}: only the fields that are present change.</summary>
public sealed record UpdateModelRequest(string? Name, string? Description, string? BaseModel, string? Language);

public sealed record TrainingMetricsDto(
    double WordErrorRate,
    double AccuracyImprovement,
    double CharacterErrorRate,
    double TrainingHours,
    double BaseWordErrorRate,
    int Version);

public sealed record DataSummaryDto(int TrainFiles, int TestFiles, double TrainHours, double TestHours, double MinimumHours);

public sealed record BillingEstimateDto(
    double IncludedHours,
    double BillableHours,
    double ExtraHours,
    decimal PricePerExtraHour,
    decimal EstimatedCost,
    string Currency);

public sealed record ModelDto(
    int Id,
    string Name,
    string Language,
    string BaseModel,
    string? Description,
    TrainingStatus TrainingStatus,
    int TrainingProgress,
    TrainingMetricsDto? TrainingMetrics,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DataSummaryDto Data,
    BillingEstimateDto Billing,
    string Engine,
    int? ServingVersion,
    string? ServedBy,
    HeldBackVersionDto? HeldBack);

/// <summary>
/// Beyond the seed (additive): <c>engine</c> is the engine that made the shown metrics (or, before a first version, the one a
/// training would use: `simulated` metrics are made up); <c>serving_version</c> the version answering custom_model_{id}
/// (null: none, the base model answers once a version exists); <c>served_by</c> what answers (`custom_model_{id}/v{n}` or
/// the base model); <c>held_back</c> the latest version when it is worse than the base model and waits for an admin.
/// </summary>
public sealed record HeldBackVersionDto(int Version, string Reason, string Message);

public static class HeldBackReasons
{
    public const string WorseThanBase = "worse_than_base";
}

public sealed record ModelListResponse(IReadOnlyList<ModelDto> Data, int Page, int PerPage, int Total);

public sealed record DeletedResponse(int Id, bool Deleted);
