using Dashboard.Shared.Billing;

namespace Dashboard.Shared.Privacy;

/// <summary>
/// GET /api/v3/account. <c>mip_opt_out</c> is the account default of the Model Improvement Program: when true,
/// no production request of the organization is kept, whatever the request says; when false, each request
/// participates unless it sends <c>mip_opt_out=true</c>.
/// </summary>
public sealed record AccountSettingsDto(
    string Organization,
    string Plan,
    bool MipOptOut,
    int RetentionDays,
    int MipDiscountPercent);

/// <summary>POST /api/v3/account (admins): the fields sent are changed, the others kept. The plan is set by an operator.</summary>
public sealed record UpdateAccountSettingsRequest(bool? MipOptOut, int? RetentionDays);

/// <summary>The rules of the Model Improvement Program that depend on the plan.</summary>
public static class DataUsePolicy
{
    public const int MinimumRetentionDays = 1;
    public const int MaximumRetentionDays = 365;

    /// <summary>The discount participants earn; opting out forfeits it (Pay-as-you-Go and Growth only).</summary>
    public static int DiscountPercent(string plan) => plan is Plans.PayAsYouGo or Plans.Growth ? 50 : 0;

    /// <summary>Enterprise accounts opt out as a whole, by an admin, rather than request by request.</summary>
    public static bool OptsOutAtAccountLevel(string plan) => plan == Plans.Enterprise;
}
