namespace Dashboard.Server.Billing;

public static class PricingExtensions
{
    /// <summary>Transcription prices per audio minute by plan (Pricing:TranscriptionPerMinute).</summary>
    public static WebApplicationBuilder AddPricing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TranscriptionPricing>();
        builder.Services.AddScoped<TranscriptionLedger>();
        return builder;
    }
}
