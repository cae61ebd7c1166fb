using System.Text;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dashboard.Server.Outbound;

/// <summary>
/// One attempt of a delivery: a 2xx answer delivers it; anything else (another status, a refused host, a timeout)
/// schedules the next attempt after the back-off, until Delivery:MaxAttempts. Webhook requests are signed (<see cref="WebhookSignature"/>).
/// A callback's payload (a transcript) is purged once it is delivered or given up: the client has it, or never will.
/// </summary>
public sealed class DeliverySender(
    DashboardDbContext db, IHttpClientFactory clients, ISchedulerFactory schedulers, IOptions<DeliveryOptions> options,
    TextProtector protector, TimeProvider clock, ILogger<DeliverySender> logger)
{
    public async Task AttemptAsync(int deliveryId, int attempt, CancellationToken ct)
    {
        var delivery = await db.OutboundDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending || delivery.Attempts >= attempt) return; // gone, finished, or already tried
        var secret = delivery.WebhookId is { } webhookId
            ? await db.Webhooks.Where(w => w.Id == webhookId).Select(w => w.Secret).FirstOrDefaultAsync(ct)
            : null;
        var (status, error) = await SendAsync(delivery, secret is null ? null : protector.Unprotect(secret), ct);
        var now = clock.GetUtcNow();
        delivery.Attempts = attempt;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
        }
        else if (attempt >= options.Value.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            delivery.NextAttemptAt = null;
            logger.LogWarning("Delivery {Id} to {Url} failed after {Attempts} attempts: {Error}", delivery.Id, delivery.Url, attempt, error);
        }
        else
        {
            delivery.NextAttemptAt = now + options.Value.DelayBefore(attempt + 1);
        }
        if (delivery.NextAttemptAt is null && delivery.Kind == DeliveryKinds.Callback) delivery.Payload = "";
        await db.SaveChangesAsync(CancellationToken.None);
        if (delivery.NextAttemptAt is { } next)
            await DeliveryQueue.ScheduleAsync(schedulers, delivery.Id, attempt + 1, next, CancellationToken.None);
    }

    private async Task<(int? Status, string? Error)> SendAsync(OutboundDelivery delivery, string? secret, CancellationToken ct)
    {
        var payload = protector.Unprotect(delivery.Payload);
        using var request = new HttpRequestMessage(new HttpMethod(delivery.Method), delivery.Url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, payload));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(OutboundHttp.ClientName).SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"The receiver answered {code} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException e)
        {
            return (null, OutboundHttp.RefusalIn(e)?.Message ?? e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.TimeoutSeconds} seconds.");
        }
    }
}
