using Dashboard.Server.Training;
using Dashboard.Shared.Models;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Billing;

/// <summary>First Training:IncludedHours of training audio per model are included; each extra hour costs Training:PricePerExtraHour.</summary>
public sealed class TrainingPriceCalculator(IOptions<TrainingOptions> options)
{
    public const string Currency = "USD";

    public BillingEstimateDto Estimate(double trainingHours)
    {
        var o = options.Value;
        var extra = Math.Max(0, trainingHours - o.IncludedHours);
        var cost = Math.Round((decimal)extra * o.PricePerExtraHour, 2, MidpointRounding.AwayFromZero);
        return new BillingEstimateDto(o.IncludedHours, Math.Round(trainingHours, 4), Math.Round(extra, 4), o.PricePerExtraHour, cost, Currency);
    }
}
