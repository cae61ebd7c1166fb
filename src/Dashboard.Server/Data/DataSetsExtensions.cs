using Dashboard.Server.Data.Archives;

namespace Dashboard.Server.Data;

public static class DataSetsExtensions
{
    /// <summary>Storage settings, probing and the uploads of pairs, text data and ZIP archives (the blob storage itself: AddStorage).</summary>
    public static WebApplicationBuilder AddDataSets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ToolOptions>().BindConfiguration(ToolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AudioProbe>();
        builder.Services.AddSingleton<UploadChecker>();
        builder.Services.AddScoped<MultipartUploadReader>();
        builder.Services.AddScoped<DataUploadService>();
        builder.Services.AddScoped<ArchiveUnpacker>();
        builder.Services.AddScoped<ArchiveUploadService>();
        return builder;
    }
}
