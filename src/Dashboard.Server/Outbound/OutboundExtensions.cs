namespace Dashboard.Server.Outbound;

public static class OutboundExtensions
{
    /// <summary>Requests made on a client's behalf (URL sources, callbacks, webhooks): the host policy and durable deliveries.</summary>
    public static WebApplicationBuilder AddOutbound(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboundHostPolicy>();
        services.AddOutboundHttpClient();
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<DeliverySender>();
        services.AddHostedService<DeliveryRecovery>();
        return builder;
    }
}
