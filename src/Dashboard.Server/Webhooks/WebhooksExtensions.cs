namespace Dashboard.Server.Webhooks;

public static class WebhooksExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WebhookService>();
        builder.Services.AddScoped<WebhookNotifier>();
        builder.Services.AddHostedService<WebhookEventRelay>();
        return builder;
    }
}
