using System.Threading.Channels;
using Dashboard.Server.Live;
using Dashboard.Shared.Live;

namespace Dashboard.Server.Webhooks;

/// <summary>
/// Listens to the in-process training event stream and queues a webhook notification whenever a model's
/// training_status changes (progress updates within a status are not sent). The bus handler only queues; one
/// background loop does the database work, in event order.
/// </summary>
public sealed class WebhookEventRelay(TrainingEventBus bus, IServiceScopeFactory scopes, ILogger<WebhookEventRelay> logger) : BackgroundService
{
    private readonly Channel<StatusChangedEvent> changes = Channel.CreateUnbounded<StatusChangedEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<int, Shared.Models.TrainingStatus> sent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(e =>
        {
            if (e is StatusChangedEvent change && IsNew(change)) changes.Writer.TryWrite(change);
            return Task.CompletedTask;
        });
        await foreach (var change in changes.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebhookNotifier>().NotifyAsync(change, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Webhook notification for model {ModelId} failed", change.ModelId);
            }
        }
    }

    private bool IsNew(StatusChangedEvent change)
    {
        lock (sent)
        {
            var isNew = !sent.TryGetValue(change.ModelId, out var previous) || previous != change.TrainingStatus;
            sent[change.ModelId] = change.TrainingStatus;
            return isNew;
        }
    }
}
