using Dashboard.Shared.Models;

namespace Dashboard.Shared.Webhooks;

/// <summary>POST /api/v3/webhooks: where to send training status changes; without a secret the server makes one.</summary>
public sealed record CreateWebhookRequest(string? Url, string? Secret);

public sealed record WebhookDto(int Id, string Url, DateTimeOffset CreatedAt);

/// <summary>The answer to POST /api/v3/webhooks: the signing secret, shown this once.</summary>
public sealed record CreatedWebhookDto(int Id, string Url, string Secret, DateTimeOffset CreatedAt);

public sealed record WebhookListResponse(IReadOnlyList<WebhookDto> Data);

/// <summary>One POST to a webhook: the status it announced, its state (pending, delivered, failed), attempts so far and the receiver's last answer.</summary>
public sealed record WebhookDeliveryDto(
    int Id,
    int WebhookId,
    string Url,
    string Event,
    int? ModelId,
    TrainingStatus? TrainingStatus,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt);

public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryDto> Data);

/// <summary>
/// The body POSTed to a webhook when a model's training status changes (event "model.status_changed"): metrics on
/// success (4), the reason on failure (5).
/// </summary>
public sealed record TrainingStatusWebhook(
    string Event,
    int ModelId,
    string ModelName,
    TrainingStatus TrainingStatus,
    string Status,
    int TrainingProgress,
    TrainingMetricsDto? Metrics,
    string? FailureReason,
    DateTimeOffset OccurredAt);

/// <summary>The organization's webhooks for the /webhooks page; admins only.</summary>
public interface IWebhooksClient
{
    Task<IReadOnlyList<WebhookDto>> ListAsync(CancellationToken ct);
    Task<CreatedWebhookDto> CreateAsync(CreateWebhookRequest request, CancellationToken ct);
    Task DeleteAsync(int id, CancellationToken ct);
    Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(CancellationToken ct);
}
