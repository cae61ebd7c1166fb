using Dashboard.Server.Live;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Live;

namespace Dashboard.Server.Training;

/// <summary>
/// What follows a training transition, in one place (CleanArchitecture's dispatch around SaveChanges): each event's log
/// line joins the transition's commit, so a status and its line are stored together; once committed, the line and
/// the change are published on the bus, which the live page, the other nodes' status caches and the webhook relay follow.
/// Nothing is published for a transition that did not commit.
/// </summary>
public sealed class TrainingEventDispatcher(TrainingLog log, TrainingEventBus bus)
{
    /// <summary>Before the commit: the log lines of <paramref name="events"/> are added to the transition's unit of work.</summary>
    public IReadOnlyList<StagedTrainingEvent> Stage(DashboardDbContext db, IReadOnlyList<TrainingStatusChanged> events) =>
        events.Select(e => new StagedTrainingEvent(e, log.Add(db, e.ModelId, e.RunId, e.LogLevel, e.LogMessage))).ToList();

    /// <summary>After the commit, once: each log line, then its status change.</summary>
    public void Publish(IReadOnlyList<StagedTrainingEvent> committed)
    {
        foreach (var (change, line) in committed)
        {
            log.Publish(line, change.LogMessage);
            if (change.ChangesStatus) bus.Publish(new StatusChangedEvent(change.ModelId, change.Status, change.Progress, change.Stage));
        }
    }
}

public sealed record StagedTrainingEvent(TrainingStatusChanged Change, TrainingLogEntry Line);
