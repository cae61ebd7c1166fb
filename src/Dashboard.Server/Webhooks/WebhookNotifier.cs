using System.Text.Json;
using Dashboard.Server.Models;
using Dashboard.Server.Training;
using Dashboard.Server.Outbound;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Live;
using Dashboard.Shared.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Webhooks;

/// <summary>Turns a model's status change into one delivery per webhook of its organization.</summary>
public sealed class WebhookNotifier(DashboardDbContext db, ModelVersionsReader versions, DeliveryQueue queue, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock)
{
    public const string StatusChangedEvent = "model.status_changed";

    public async Task NotifyAsync(StatusChangedEvent change, CancellationToken ct)
    {
        var model = await db.CustomModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == change.ModelId, ct);
        if (model is null) return;
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.OrganizationId == model.OrganizationId).ToListAsync(ct);
        if (webhooks.Count == 0) return;
        var run = change.TrainingStatus == Shared.Models.TrainingStatus.Success ? (await versions.ForAsync(model, ct)).Shown : null;
        var body = new TrainingStatusWebhook(StatusChangedEvent, model.Id, model.Name, change.TrainingStatus,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(change.TrainingStatus.ToString()), change.TrainingProgress,
            ModelMapper.MetricsOf(run), change.TrainingStatus == Shared.Models.TrainingStatus.Failed ? model.FailureReason : null, clock.GetUtcNow());
        var payload = JsonSerializer.Serialize(body, json.Value.SerializerOptions);
        foreach (var webhook in webhooks)
        {
            await queue.EnqueueAsync(new OutboundDelivery
            {
                OrganizationId = model.OrganizationId,
                WebhookId = webhook.Id,
                Kind = DeliveryKinds.Webhook,
                Url = webhook.Url,
                Event = StatusChangedEvent,
                ModelId = model.Id,
                Payload = payload,
            }, ct);
        }
    }
}
