using System.ComponentModel.DataAnnotations;
using Dashboard.Shared.Billing;

namespace Dashboard.Server.Billing;

/// <summary>
/// Pricing:TranscriptionPerMinute:{payg,growth,gold,enterprise}: USD per audio minute by plan, before the Model
/// Improvement Program discount. Defaults follow Deepgram's published Nova rates (Pay-as-you-Go, Growth).
/// </summary>
public sealed class PricingOptions : IValidatableObject
{
    public const string Section = "Pricing";

    public static IReadOnlyDictionary<string, decimal> DefaultRates { get; } = new Dictionary<string, decimal>
    {
        [Plans.PayAsYouGo] = 0.0043m,
        [Plans.Growth] = 0.0036m,
        [Plans.Gold] = 0.0043m,
        [Plans.Enterprise] = 0.0036m,
    };

    public Dictionary<string, decimal> TranscriptionPerMinute { get; set; } = new(DefaultRates, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var plan in Plans.All)
        {
            if (!TranscriptionPerMinute.TryGetValue(plan, out var rate))
                yield return new ValidationResult($"{Section}:TranscriptionPerMinute:{plan} is missing.", [nameof(TranscriptionPerMinute)]);
            else if (rate is < 0 or > 100)
                yield return new ValidationResult($"{Section}:TranscriptionPerMinute:{plan} must be between 0 and 100 (USD per minute).", [nameof(TranscriptionPerMinute)]);
        }
        foreach (var plan in TranscriptionPerMinute.Keys.Except(Plans.All))
            yield return new ValidationResult($"{Section}:TranscriptionPerMinute:{plan} is not a plan ({string.Join(", ", Plans.All)}).", [nameof(TranscriptionPerMinute)]);
    }
}
