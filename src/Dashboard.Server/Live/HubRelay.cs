using Dashboard.Shared.Live;
using Microsoft.AspNetCore.SignalR;

namespace Dashboard.Server.Live;

/// <summary>Forwards the in-process event stream to the hub's per-model groups.</summary>
public sealed class HubRelay(TrainingEventBus bus, IHubContext<TrainingHub> hub) : IHostedService, IDisposable
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = bus.Subscribe(Forward);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => subscription?.Dispose();

    private Task Forward(TrainingEvent trainingEvent)
    {
        var group = hub.Clients.Group(TrainingHub.GroupOf(trainingEvent.ModelId));
        return trainingEvent switch
        {
            StatusChangedEvent status => group.SendAsync(HubMethods.StatusChanged, status),
            LogLineEvent line => group.SendAsync(HubMethods.LogLine, line),
            _ => Task.CompletedTask,
        };
    }
}
