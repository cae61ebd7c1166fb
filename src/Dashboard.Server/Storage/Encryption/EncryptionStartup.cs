using Microsoft.Extensions.Options;

namespace Dashboard.Server.Storage.Encryption;

/// <summary>
/// Before the server starts: the keys must open what is stored. A key that is malformed, missing, or not the one the
/// blobs were encrypted with stops start-up with one line on stderr. Blobs stored before encryption at rest are encrypted
/// now, and plaintext working files a crash left behind are removed.
/// </summary>
public static class EncryptionStartup
{

    public static async Task<bool> PassesAsync(WebApplication app)
    {
        try
        {
            var options = app.Services.GetRequiredService<IOptions<EncryptionOptions>>().Value;
            var storage = app.Services.GetRequiredService<LocalBlobStorage>();
            var keys = app.Services.GetRequiredService<KeyRing>();
            var blobs = app.Services.GetRequiredService<EncryptedBlobStorage>();
            var inventory = BlobInventory.Take(storage, blobs);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EncryptionStartup));
            if (!options.Enabled && inventory.Encrypted > 0)
                throw new EncryptionKeyException($"Encryption:Enabled is false, but the storage holds {inventory.Encrypted} encrypted blobs; turn encryption back on.");
            foreach (var (id, count) in inventory.ByKeyId.Where(k => keys.Find(k.Key) is null))
                throw new EncryptionKeyException($"The storage holds {count} blobs encrypted with key {id}, which is not in the key ring ({keys.Source}): the configured key is wrong or an old key is missing.");
            if (options.Enabled && inventory.Plaintext.Count > 0)
            {
                foreach (var key in inventory.Plaintext) await blobs.ReencryptAsync(key, CancellationToken.None);
                logger.LogInformation("Encrypted {Count} blobs stored before encryption at rest with key {KeyId}", inventory.Plaintext.Count, keys.Active.Id);
            }
            return true;
        }
        catch (Exception e) when (e is EncryptionKeyException or OptionsValidationException)
        {
            var message = e is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : e.Message;
            await Console.Error.WriteLineAsync($"Encryption at rest: {message}");
            return false;
        }
    }
}
