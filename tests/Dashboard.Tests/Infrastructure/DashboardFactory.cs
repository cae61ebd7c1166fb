using Dashboard.Server.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real server in-process over its own SQLite file and storage folder. Each test class gets one
/// (IClassFixture); a subclass changes settings through <see cref="Overrides"/>.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = TestTemp.Folder("dashboard-test-");

    public string DatabasePath => Path.Combine(Folder, "dashboard.db");

    public string StorageRoot => Path.Combine(Folder, "data");

    /// <summary>Stable per database: Quartz rows are keyed by it, and its registry is process-wide.</summary>
    public string SchedulerName { get; init; } = "test-" + Guid.NewGuid().ToString("N");

    private IDictionary<string, string?> Defaults => new Dictionary<string, string?>
    {
        ["Storage:Root"] = StorageRoot,
        ["ConnectionStrings:Dashboard"] = $"Data Source={DatabasePath}",
        ["Training:SchedulerName"] = SchedulerName,
        ["Training:MinimumAudioHours"] = "0.001",
        ["Training:Engine"] = "simulated", // the product trains with sphinx; these tests need fast, deterministic runs
        ["Training:Simulation:MinimumSeconds"] = "2",
        ["Training:Simulation:SecondsPerAudioHour"] = "1",
    };

    /// <summary>What a test class changes in the defaults; a null value removes the key (the product's default applies).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>();

    private IDictionary<string, string?> Settings
    {
        get
        {
            var settings = Defaults;
            foreach (var (key, value) in Overrides)
            {
                if (value is null) settings.Remove(key);
                else settings[key] = value;
            }
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
    }

    /// <summary>Creates (or reuses) an organization on a plan and returns a client that sends a fresh key for it.</summary>
    public async Task<HttpClient> CreateClientForAsync(string organization, string plan = "gold", string scheme = "Bearer")
    {
        var key = await CreateApiKeyAsync(organization, plan);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new(scheme, key);
        return client;
    }

    public async Task<string> CreateApiKeyAsync(string organization, string plan = "gold")
    {
        _ = Server; // starts the host, which migrates the database
        using var scope = Services.CreateScope();
        var org = await scope.ServiceProvider.GetRequiredService<OrganizationService>().GetOrCreateAsync(organization, plan, CancellationToken.None);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(org.Id, "test", CancellationToken.None);
        return key.Secret;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder))
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}
