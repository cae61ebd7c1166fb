using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Live;
using Dashboard.Server.Persistence;
using Dashboard.Shared.Live;
using Dashboard.Shared.Training;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Training;

/// <summary>
/// Log lines are persisted first, then published live: a page opened mid-run sees all of them. Stored encrypted: a line may
/// quote a transcript.
/// </summary>
public sealed class TrainingLog(IDbContextFactory<DashboardDbContext> contexts, TrainingEventBus bus, TextProtector protector, TimeProvider clock)
{
    public async Task WriteAsync(int modelId, int? runId, string level, string message, CancellationToken ct)
    {
        TrainingLogEntry entry;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            entry = Add(db, modelId, runId, level, message);
            await db.SaveChangesAsync(ct);
        }
        Publish(entry, message);
    }

    /// <summary>Adds a line to a unit of work that saves it (with a training transition); publish it once that committed.</summary>
    public TrainingLogEntry Add(DashboardDbContext db, int modelId, int? runId, string level, string message)
    {
        var entry = new TrainingLogEntry { ModelId = modelId, RunId = runId, Level = level, Message = protector.Protect(message), Timestamp = clock.GetUtcNow() };
        db.TrainingLog.Add(entry);
        return entry;
    }

    public void Publish(TrainingLogEntry saved, string message) =>
        bus.Publish(new LogLineEvent(saved.ModelId, saved.Timestamp, saved.Level, message));

    public async Task<IReadOnlyList<LogLineDto>> ReadAsync(int modelId, int? afterId, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lines = await db.TrainingLog.AsNoTracking()
            .Where(l => l.ModelId == modelId && l.Id > (afterId ?? 0))
            .OrderBy(l => l.Id).Take(limit)
            .Select(l => new LogLineDto(l.Timestamp, l.Level, l.Message))
            .ToListAsync(ct);
        return lines.ConvertAll(l => l with { Message = protector.Unprotect(l.Message) });
    }
}
