using Dashboard.Server.Storage;
using Dashboard.Server.Storage.Encryption;
using Dashboard.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Cli;

/// <summary>
/// `rotate-key`: adds a new key to the key file; new blobs use it, old ones stay readable with their key.
/// `rotate-key --reencrypt`: the same, then every blob, stored log line, delivery payload and webhook secret is rewritten under the new key (with
/// Encryption:Key from configuration no key is added: everything is rewritten under the configured key).
/// </summary>
public static class RotateKeyCommand
{
    public const string Name = "rotate-key";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Any(a => a != "--reencrypt"))
        {
            await Console.Error.WriteLineAsync($"error: unexpected argument '{args.First(a => a != "--reencrypt")}'.");
            await Console.Error.WriteLineAsync("usage: rotate-key [--reencrypt]");
            return 2;
        }
        var reencrypt = args.Contains("--reencrypt");
        try
        {
            var services = app.Services;
            var options = services.GetRequiredService<IOptions<EncryptionOptions>>().Value;
            if (!options.Enabled) throw new EncryptionKeyException("Encryption:Enabled is false; there is no key to rotate.");
            var keys = services.GetRequiredService<KeyRing>();
            if (!keys.IsFile && !reencrypt)
                throw new EncryptionKeyException("The key comes from Encryption:Key: put a new key there (`openssl rand -base64 32`), " +
                    "add the old one to Encryption:PreviousKeys, restart, then run `rotate-key --reencrypt`.");
            if (keys.IsFile)
            {
                KeyFile.AddKey(keys.Source, keys.All.ToList());
                keys.Reload();
            }
            var active = keys.Active.Id;
            if (!reencrypt)
            {
                var older = BlobInventory.Take(services.GetRequiredService<LocalBlobStorage>(), services.GetRequiredService<EncryptedBlobStorage>()).Encrypted;
                Console.WriteLine($"key {active} is active; {older} blobs keep their older keys (rotate-key --reencrypt rewrites them)");
                return 0;
            }
            var (blobs, lines) = await ReencryptAllAsync(services);
            Console.WriteLine($"key {active} is active; re-encrypted {blobs} blobs and {lines} log lines");
            return 0;
        }
        catch (Exception e) when (e is EncryptionKeyException or OptionsValidationException or BlobIntegrityException)
        {
            await Console.Error.WriteLineAsync($"error: {(e is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : e.Message)}");
            return 1;
        }
    }

    private static async Task<(int Blobs, int Lines)> ReencryptAllAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<LocalBlobStorage>();
        var encrypted = services.GetRequiredService<EncryptedBlobStorage>();
        var blobs = 0;
        foreach (var key in storage.List("").ToList())
            if (await encrypted.ReencryptAsync(key, CancellationToken.None)) blobs++;

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var protector = services.GetRequiredService<TextProtector>();
        var lines = 0;
        var lastId = 0L;
        while (await db.TrainingLog.Where(l => l.Id > lastId).OrderBy(l => l.Id).Take(500).ToListAsync() is { Count: > 0 } batch)
        {
            foreach (var line in batch) line.Message = protector.Protect(protector.Unprotect(line.Message));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            (lastId, lines) = (batch[^1].Id, lines + batch.Count);
        }
        var lastDelivery = 0; // payloads waiting to be delivered (callback transcripts) and webhook events
        while (await db.OutboundDeliveries.Where(d => d.Id > lastDelivery && d.Payload != "").OrderBy(d => d.Id).Take(500).ToListAsync() is { Count: > 0 } deliveries)
        {
            foreach (var delivery in deliveries) delivery.Payload = protector.Protect(protector.Unprotect(delivery.Payload));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            lastDelivery = deliveries[^1].Id;
        }
        foreach (var webhook in await db.Webhooks.ToListAsync()) webhook.Secret = protector.Protect(protector.Unprotect(webhook.Secret));
        await db.SaveChangesAsync();
        return (blobs, lines);
    }
}
