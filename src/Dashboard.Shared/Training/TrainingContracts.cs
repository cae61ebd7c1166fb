using Dashboard.Shared.Models;

namespace Dashboard.Shared.Training;

/// <summary>Training engines (Training:Engine): `sphinx` trains a real recognizer; `simulated` reports made-up metrics.</summary>
public static class TrainingEngines
{
    public const string Sphinx = "sphinx";
    public const string Simulated = "simulated";
}

public static class LogLevels
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
}

public sealed record LogLineDto(DateTimeOffset Timestamp, string Level, string Message);

public sealed record TrainingLogResponse(int ModelId, TrainingStatus TrainingStatus, IReadOnlyList<LogLineDto> Lines);

public sealed record RunResponse(int Id, TrainingStatus TrainingStatus, int TrainingProgress, string Message, BillingEstimateDto Billing);
