using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, int.MaxValue)] public int ModelCreationsPerHour { get; set; } = 10;
    [Range(1, int.MaxValue)] public int TrainingStartsPerHour { get; set; } = 5;
    [Range(1, int.MaxValue)] public int StatusChecksPerMinute { get; set; } = 100;
    [Range(1, int.MaxValue)] public int DataUploadsPerHour { get; set; } = 50;

    /// <summary>Failed API keys and sign-ins one client address may make per window before it gets 429.</summary>
    [Range(1, int.MaxValue)] public int FailedSignInsPerClient { get; set; } = 20;
    /// <summary>Wrong passwords for one account from one client address before that address may not try the account again in the window.</summary>
    [Range(1, int.MaxValue)] public int FailedSignInsPerAccount { get; set; } = 5;
    [Range(1, 86_400)] public int FailedSignInWindowSeconds { get; set; } = 300;
}

public static class RateLimitPolicies
{
    public const string ModelCreation = "model-creation";
    public const string TrainingStart = "training-start";
    public const string StatusCheck = "status-check";
    public const string DataUpload = "data-upload";
}
