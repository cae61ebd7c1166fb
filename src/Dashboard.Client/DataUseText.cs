using Dashboard.Shared.Billing;
using Dashboard.Shared.Privacy;

namespace Dashboard.Client;

/// <summary>How the Model Improvement Program setting and its cost read, on /privacy and /billing alike.</summary>
public static class DataUseText
{
    public static string Label(bool optOut) => optOut ? "Opted out" : "Participating";

    public static string Status(bool optOut) => optOut
        ? "No production request from your organization is kept, whatever the request says."
        : "Production requests from your organization may be kept to improve speech models. A single request stays out when it sends mip_opt_out=true.";

    public static string Cost(AccountSettingsDto settings) => settings switch
    {
        { MipDiscountPercent: > 0 and var discount } =>
            $"On the {Format.Plan(settings.Plan)} plan, participating earns a {discount}% discount on transcription rates. Opting out forfeits it: every request is billed at the full rate.",
        { Plan: Plans.Enterprise } =>
            "On the Enterprise plan an admin opts out for the whole account, here. It costs no discount.",
        _ => $"The {Format.Plan(settings.Plan)} plan has no participation discount, so opting out changes no price.",
    };

    /// <summary>One line for /billing, beside the label.</summary>
    public static string Summary(AccountSettingsDto settings) => settings switch
    {
        { MipOptOut: true, MipDiscountPercent: > 0 } => $"No production request is kept; the {settings.MipDiscountPercent}% participation discount does not apply.",
        { MipOptOut: true } => "No production request is kept.",
        { MipDiscountPercent: > 0 } => $"{settings.MipDiscountPercent}% discount on transcription; kept requests are deleted after {Days(settings.RetentionDays)}.",
        _ => $"Production requests may be kept, and are deleted after {Days(settings.RetentionDays)}.",
    };

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string RetentionRange => $"{DataUsePolicy.MinimumRetentionDays} to {DataUsePolicy.MaximumRetentionDays} days";
}
