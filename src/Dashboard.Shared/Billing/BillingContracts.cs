namespace Dashboard.Shared.Billing;

public static class Plans
{
    public const string Gold = "gold";
    public const string Enterprise = "enterprise";
    public const string Growth = "growth";
    public const string PayAsYouGo = "payg";

    public static readonly IReadOnlyList<string> All = [Gold, Enterprise, Growth, PayAsYouGo];

    /// <summary>Custom models a plan may hold; null is unlimited. Growth and Pay-as-you-Go are transcription plans.</summary>
    public static int? CustomModelLimit(string plan) => plan switch
    {
        Gold => 5,
        Enterprise => null,
        _ => 0,
    };
}

public sealed record LedgerEntryDto(
    int Id,
    string Kind,
    string? Model,
    double AudioSeconds,
    decimal Amount,
    int DiscountPercent,
    bool MipOptOut,
    string Description,
    DateTimeOffset CreatedAt);

public sealed record UsageResponse(IReadOnlyList<LedgerEntryDto> Data, decimal Total);
