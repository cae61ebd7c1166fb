using System.ComponentModel.DataAnnotations;
using Dashboard.Shared.Privacy;

namespace Dashboard.Server.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>How long a new organization keeps retained requests; an admin changes it per organization.</summary>
    [Range(DataUsePolicy.MinimumRetentionDays, DataUsePolicy.MaximumRetentionDays)] public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention purge runs.</summary>
    [Range(1, 24 * 60)] public int PurgeIntervalMinutes { get; set; } = 60;
}
