using Microsoft.EntityFrameworkCore;

namespace Dashboard.Server.Persistence;

/// <summary>
/// A save that lost a race with a training transition (the model's concurrency tokens changed meanwhile). If the save
/// changed no token itself (an upload, a rename), its decision did not rest on the training state: it is applied again
/// on top of the database's current values, so a run that starts or ends during an upload costs the upload nothing.
/// If it did change a token (a data file removed "because nothing runs"), the decision is stale and the save fails.
/// </summary>
public static class TransitionSafeSave
{
    public const int Attempts = 3;

    /// <summary>True when every conflicting entry was rebased and the save may be tried again.</summary>
    public static async Task<bool> TryRebaseAsync(DbUpdateConcurrencyException conflict, CancellationToken ct)
    {
        if (conflict.Entries.Any(e => e.Properties.Any(p => p.IsModified && p.Metadata.IsConcurrencyToken))) return false;
        foreach (var entry in conflict.Entries)
        {
            var current = await entry.GetDatabaseValuesAsync(ct);
            if (current is null) return false; // deleted meanwhile
            foreach (var property in entry.Properties.Where(p => !p.IsModified)) property.CurrentValue = current[property.Metadata];
            entry.OriginalValues.SetValues(current);
        }
        return true;
    }
}
