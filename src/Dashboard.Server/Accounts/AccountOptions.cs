using System.ComponentModel.DataAnnotations;
using Dashboard.Shared.Billing;

namespace Dashboard.Server.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// Plans an organization's admin may choose on /billing, comma-separated; empty: only the operator changes plans
    /// (create-api-key/create-user --plan). A list, not an array: configuration binding appends arrays to defaults.
    /// </summary>
    [RegularExpression("^((gold|enterprise|growth|payg)(,(gold|enterprise|growth|payg))*)?$", ErrorMessage = "Accounts:AllowedPlans lists plans (gold, enterprise, growth, payg) separated by commas.")]
    public string AllowedPlans { get; set; } = string.Join(',', Plans.All);

    public IReadOnlyList<string> Allowed => AllowedPlans.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
