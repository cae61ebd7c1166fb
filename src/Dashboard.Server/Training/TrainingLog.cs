using Dashboard.Server.Data.Encryption;
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
        var entry = new TrainingLogEntry { ModelId = modelId, RunId = runId, Level = level, Message = protector.Protect(message), Timestamp = clock.GetUtcNow() };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.TrainingLog.Add(entry);
            await db.SaveChangesAsync(ct);
        }
        bus.Publish(new LogLineEvent(modelId, entry.Timestamp, level, message));
    }

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
