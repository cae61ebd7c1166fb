using System.Collections.Concurrent;
using Dashboard.Shared.Live;

namespace Dashboard.Server.Live;

/// <summary>
/// The one in-process stream of training events. Blazor components and the SignalR relay subscribe
/// to it; a slow subscriber never blocks training (handlers run on the publisher's thread but must
/// only queue work).
/// </summary>
public sealed class TrainingEventBus(ILogger<TrainingEventBus> logger)
{
    private readonly ConcurrentDictionary<Guid, Func<TrainingEvent, Task>> subscribers = new();

    public IDisposable Subscribe(Func<TrainingEvent, Task> handler)
    {
        var id = Guid.NewGuid();
        subscribers[id] = handler;
        return new Subscription(() => subscribers.TryRemove(id, out _));
    }

    public void Publish(TrainingEvent trainingEvent)
    {
        foreach (var handler in subscribers.Values)
        {
            _ = Deliver(handler, trainingEvent);
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

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
