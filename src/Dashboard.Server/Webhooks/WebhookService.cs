using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Errors;
using Dashboard.Server.Outbound;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Models;
using Dashboard.Shared.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Webhooks;

/// <summary>Registering, listing and removing an organization's webhooks, and its recent deliveries.</summary>
public sealed class WebhookService(DashboardDbContext db, OutboundHostPolicy policy, TextProtector protector, TimeProvider clock)
{
    public const int MaxWebhooks = 10;
    public const int RecentDeliveries = 50;

    public async Task<IReadOnlyList<WebhookDto>> ListAsync(int organizationId, CancellationToken ct) =>
        (await db.Webhooks.AsNoTracking().Where(w => w.OrganizationId == organizationId).OrderBy(w => w.Id).ToListAsync(ct))
            .Select(w => new WebhookDto(w.Id, w.Url, w.CreatedAt)).ToList();

    public async Task<CreatedWebhookDto> CreateAsync(int organizationId, CreateWebhookRequest? request, CancellationToken ct)
    {
        var uri = await policy.EnsureAllowedAsync(request?.Url, "url", ct); // the same host policy as callbacks, checked now for a clear error
        var secret = request?.Secret?.Trim();
        if (secret is { Length: > 0 and (< 16 or > 200) })
            throw ApiErrors.Validation("secret", "A webhook secret is 16 to 200 characters; leave it out to have one made for you.");
        if (await db.Webhooks.CountAsync(w => w.OrganizationId == organizationId, ct) >= MaxWebhooks)
            throw ApiErrors.Validation("url", $"An organization has at most {MaxWebhooks} webhooks; delete one first.");
        if (string.IsNullOrEmpty(secret)) secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        // Stored encrypted: whoever reads a copy of the database cannot sign requests to the organization's receivers.
        var webhook = new Webhook { OrganizationId = organizationId, Url = uri.ToString(), Secret = protector.Protect(secret), CreatedAt = clock.GetUtcNow() };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhookDto(webhook.Id, webhook.Url, secret, webhook.CreatedAt);
    }

    public async Task DeleteAsync(int organizationId, int id, CancellationToken ct)
    {
        var webhook = await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id && w.OrganizationId == organizationId, ct)
            ?? throw ApiErrors.NotFound("Webhook", id);
        db.Webhooks.Remove(webhook); // its deliveries go with it
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookDeliveryDto>> DeliveriesAsync(int organizationId, CancellationToken ct) =>
        (await db.OutboundDeliveries.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId && d.WebhookId != null)
            .OrderByDescending(d => d.Id).Take(RecentDeliveries).ToListAsync(ct))
            .Select(d => new WebhookDeliveryDto(d.Id, d.WebhookId!.Value, d.Url, d.Event, d.ModelId, AnnouncedStatus(protector.Unprotect(d.Payload)), d.Status, d.Attempts,
                d.LastStatusCode, d.LastError, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt)).ToList();

    private static TrainingStatus? AnnouncedStatus(string payload)
    {
        if (payload.Length == 0) return null;
        using var body = JsonDocument.Parse(payload);
        return body.RootElement.TryGetProperty("training_status", out var status) && status.TryGetInt32(out var value) ? (TrainingStatus)value : null;
    }
}
