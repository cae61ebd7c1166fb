using Dashboard.Server.Storage.Encryption;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Storage;

public static class StorageExtensions
{
    /// <summary>Storage settings and blob storage with encryption at rest, the key ring and the database text protector.</summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalBlobStorage>();
        services.AddSingleton(sp => KeyRingLoader.Load(sp.GetRequiredService<IOptions<EncryptionOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Root, sp.GetRequiredService<LocalBlobStorage>()));
        services.AddSingleton<EncryptedBlobStorage>();
        services.AddSingleton<IBlobStorage>(sp => sp.GetRequiredService<EncryptedBlobStorage>());
        services.AddSingleton<TextProtector>();
        return builder;
    }
}
