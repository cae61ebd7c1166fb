using Dashboard.Server.Webhooks;
using Dashboard.Shared.Webhooks;

namespace Dashboard.Server.Web;

/// <summary>The organization's webhooks for the /webhooks page; only admins manage them.</summary>
public sealed class WebhooksClient(DashboardUser user) : IWebhooksClient
{
    public Task<IReadOnlyList<WebhookDto>> ListAsync(CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<WebhookService>().ListAsync(org, ct));

    public Task<CreatedWebhookDto> CreateAsync(CreateWebhookRequest request, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<WebhookService>().CreateAsync(org, request, ct));

    public Task DeleteAsync(int id, CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<WebhookService>().DeleteAsync(org, id, ct));

    public Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(CancellationToken ct) =>
        user.CallAsync(DashboardUser.Admins, (s, org) => s.GetRequiredService<WebhookService>().DeliveriesAsync(org, ct));
}
