using Dashboard.Shared.Billing;
using Dashboard.Shared.Models;

namespace Dashboard.Shared.Dashboard;

public sealed record ModelQuotaDto(string Plan, int Used, int? Limit)
{
    public bool AtLimit => Limit is { } limit && Used >= limit;
}

/// <summary>What the training monitor needs beyond the model: the stages, the current one, and the runs so far.</summary>
public sealed record TrainingMonitorDto(
    IReadOnlyList<string> Stages,
    string? CurrentStage,
    IReadOnlyList<TrainingRunDto> Runs);

/// <summary>Everything the model page shows of a model, read in one call.</summary>
public sealed record ModelDetailDto(
    ModelDto Model,
    IReadOnlyList<Data.DataFileDto> Files,
    TrainingMonitorDto Monitor,
    Versions.ModelVersionsResponse Versions);

public sealed record TrainingRunDto(
    int Version,
    TrainingStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double TrainingHours,
    double? WordErrorRate,
    double? BaseWordErrorRate,
    string? FailureReason);

public sealed record RateLimitsDto(int ModelCreationsPerHour, int TrainingStartsPerHour, int StatusChecksPerMinute, int DataUploadsPerHour);

public sealed record ModelHoursDto(int ModelId, string Name, TrainingStatus Status, BillingEstimateDto Estimate);

public sealed record BillingOverviewDto(
    string Organization,
    string Plan,
    ModelQuotaDto Quota,
    RateLimitsDto RateLimits,
    double MinimumHours,
    IReadOnlyList<ModelHoursDto> Models,
    UsageResponse Usage);

public sealed record ApiKeyDto(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The secret is in this answer only; the server keeps a hash.</summary>
public sealed record CreatedApiKeyDto(int Id, string Name, string Prefix, string Secret, DateTimeOffset CreatedAt);

public static class DashboardRoles
{
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Viewer = "viewer";
    public static readonly IReadOnlyList<string> All = [Admin, Member, Viewer];
    /// <summary>For AuthorizeView: roles that may upload and train.</summary>
    public const string Trainers = "admin,member";
}

public static class DashboardClaimTypes
{
    public const string OrganizationName = "org_name";
}
