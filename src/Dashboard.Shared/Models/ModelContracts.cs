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
    BillingEstimateDto Billing);

public sealed record ModelListResponse(IReadOnlyList<ModelDto> Data, int Page, int PerPage, int Total);

public sealed record DeletedResponse(int Id, bool Deleted);
