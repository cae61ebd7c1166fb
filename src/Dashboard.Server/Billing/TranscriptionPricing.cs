using Microsoft.Extensions.Options;

namespace Dashboard.Server.Billing;

/// <summary>The price of one transcription request: audio minutes × the plan's rate, less the participation discount.</summary>
public sealed class TranscriptionPricing(IOptions<PricingOptions> options)
{
    public decimal RatePerMinute(string plan) => options.Value.TranscriptionPerMinute[plan];

    /// <summary>Rounded to a millionth of a dollar: a few seconds of audio cost fractions of a cent.</summary>
    public decimal Price(string plan, double audioSeconds, int discountPercent) =>
        Math.Round((decimal)audioSeconds / 60m * RatePerMinute(plan) * (100 - discountPercent) / 100m, 6, MidpointRounding.AwayFromZero);
}
