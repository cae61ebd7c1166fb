using Dashboard.Shared.Models;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>
/// A server for walking every route: limits high enough not to interfere, uploads capped at 1 MB (so 413 is cheap to
/// reach), and, made once per test class, an owner organization with a model ready to run and a trained one, and a
/// stranger organization.
/// </summary>
public class HardeningFactory : DashboardFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Walk? walk;

    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Storage:MaxUploadMegabytes"] = "1",
        ["RateLimits:ModelCreationsPerHour"] = "100000",
        ["RateLimits:TrainingStartsPerHour"] = "100000",
        ["RateLimits:StatusChecksPerMinute"] = "100000",
        ["RateLimits:DataUploadsPerHour"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async Task<Walk> WalkAsync()
    {
        await gate.WaitAsync();
        try
        {
            return walk ??= await CreateWalkAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Walk> CreateWalkAsync()
    {
        var owner = await CreateClientForAsync("owner", plan: "enterprise");
        var stranger = await CreateClientForAsync("stranger", plan: "enterprise");
        var trained = await new CustomModelBuilder(owner).Named("Owner trained " + Guid.NewGuid().ToString("N")).ReadyToRun().CreateAsync();
        await (await owner.PostAsync($"{ApiClientExtensions.Models}/{trained}/run", null)).ReadJsonAsync(expectSuccess: true);
        await owner.WaitForStatusAsync(trained, TimeSpan.FromSeconds(60), TrainingStatus.Success);
        var ready = await new CustomModelBuilder(owner).Named("Owner ready " + Guid.NewGuid().ToString("N")).ReadyToRun().CreateAsync();
        var files = await (await owner.GetAsync($"{ApiClientExtensions.Models}/{ready}/data")).ReadJsonAsync(expectSuccess: true);
        return new Walk(owner, stranger, new RouteIds(ready, (int)files["data"]![0]!["id"]!, trained), await Upload.ValidAsync());
    }
}

public sealed record Walk(HttpClient Owner, HttpClient Stranger, RouteIds Ids, Upload Valid);
