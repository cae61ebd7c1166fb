namespace Dashboard.Server.Billing;

public static class BillingExtensions
{
    /// <summary>Training prices and the ledger, and transcription prices per audio minute by plan (Pricing:TranscriptionPerMinute).</summary>
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TranscriptionPricing>();
        builder.Services.AddSingleton<TrainingPriceCalculator>();
        builder.Services.AddSingleton<LedgerWriter>();
        builder.Services.AddScoped<BillingService>();
        return builder;
    }
}
