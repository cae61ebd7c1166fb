using System.Collections.Concurrent;
using Dashboard.Shared.Live;

namespace Dashboard.Server.Live;

/// <summary>
/// The one in-process stream of training events. Blazor components and the SignalR relay subscribe
/// to it; a slow subscriber never blocks training (handlers run on the publisher's thread but must
/// only queue work). With several nodes, events of runs on other nodes arrive through
/// <see cref="PublishFromPeer"/> (see <see cref="PostgresEventRelay"/>).
/// </summary>
public sealed class TrainingEventBus(ILogger<TrainingEventBus> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscriber> subscribers = new();

    public IDisposable Subscribe(Func<TrainingEvent, Task> handler) => Add(new Subscriber(handler, LocalOnly: false));

    /// <summary>Only events published on this node: what a relay forwards to the other nodes.</summary>
    public IDisposable SubscribeToLocalEvents(Func<TrainingEvent, Task> handler) => Add(new Subscriber(handler, LocalOnly: true));

    public void Publish(TrainingEvent trainingEvent) => DeliverToAll(trainingEvent, fromPeer: false);

    /// <summary>An event of a run on another node, delivered here as if published here, but not relayed back.</summary>
    public void PublishFromPeer(TrainingEvent trainingEvent) => DeliverToAll(trainingEvent, fromPeer: true);

    private Subscription Add(Subscriber subscriber)
    {
        var id = Guid.NewGuid();
        subscribers[id] = subscriber;
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    private void DeliverToAll(TrainingEvent trainingEvent, bool fromPeer)
    {
        foreach (var subscriber in subscribers.Values)
        {
            if (fromPeer && subscriber.LocalOnly) continue;
            _ = Deliver(subscriber.Handler, trainingEvent);
        }
    }

    private async Task Deliver(Func<TrainingEvent, Task> handler, TrainingEvent trainingEvent)
    {
        try
        {
            await handler(trainingEvent);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A training event subscriber failed");
        }
    }

    private sealed record Subscriber(Func<TrainingEvent, Task> Handler, bool LocalOnly);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
