using Dashboard.Tests.Infrastructure;
using System.Net.Http.Headers;
using Dashboard.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Sphinx;

/// <summary>
/// The real server for the sphinx API tests, on its own SQLite file and storage folder, with the sphinx engine and
/// limits raised for bulk uploads. With <c>listen: true</c> it serves on a local TCP port, for clients outside .NET (node).
/// </summary>
public sealed class SphinxApiHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    private SphinxApiHost(bool listen, IReadOnlyDictionary<string, string>? overrides = null)
    {
        Root = TestTemp.Folder("sphinx-api-");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Root"] = Path.Combine(Root, "data"),
            ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(Root, "db.sqlite")}",
            ["Training:SchedulerName"] = $"sphinx-tests-{Guid.NewGuid():N}",
            ["Training:MinimumAudioHours"] = "0.001",
            ["Training:Engine"] = "sphinx",
            ["RateLimits:DataUploadsPerHour"] = "100000",
            ["RateLimits:StatusChecksPerMinute"] = "100000",
            ["RateLimits:ModelCreationsPerHour"] = "1000",
            ["RateLimits:TrainingStartsPerHour"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) settings[key] = value;
        if (listen) settings["urls"] = "http://127.0.0.1:0"; // a free port: never collide with a server on 5000
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        if (listen)
        {
            factory.UseKestrel();
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    public string Root { get; }

    public Uri? BaseAddress { get; }

    public IServiceProvider Services => factory.Services;

    /// <param name="settings">More settings, e.g. prices (<c>Pricing:TranscriptionPerMinute:payg</c>).</param>
    public static SphinxApiHost Start(bool listen = false, IReadOnlyDictionary<string, string>? settings = null) => new(listen, settings);

    /// <summary>A new organization with an API key, and a client that sends it as a Bearer token.</summary>
    public async Task<(HttpClient Client, string Key, int OrganizationId)> NewOrganizationAsync(string name, string plan = "gold")
    {
        using var scope = factory.Services.CreateScope();
        var organization = await scope.ServiceProvider.GetRequiredService<OrganizationService>().GetOrCreateAsync(name, plan, CancellationToken.None);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(organization.Id, "test", CancellationToken.None);
        var client = CreateAnonymousClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return (client, key.Secret, organization.Id);
    }

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient CreateAnonymousClient() => BaseAddress is null ? factory.CreateClient() : new HttpClient { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } // SQLite may still hold its file briefly
    }
}
