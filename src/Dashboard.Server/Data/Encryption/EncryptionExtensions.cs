using Microsoft.Extensions.Options;

namespace Dashboard.Server.Data.Encryption;

public static class EncryptionExtensions
{
    /// <summary>Blob storage with encryption at rest, the key ring and the database text protector.</summary>
    public static WebApplicationBuilder AddEncryptedStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
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
