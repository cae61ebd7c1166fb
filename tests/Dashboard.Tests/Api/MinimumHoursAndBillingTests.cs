using Dashboard.Shared.Models;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Server.Billing;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Api;

/// <summary>The product's defaults: 5 hours minimum, 10 hours included, $50 per extra hour. Simulated runs take 2 s whatever the hours.</summary>
public sealed class ProductionHoursFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["Training:MinimumAudioHours"] = null,
        ["Training:Simulation:SecondsPerAudioHour"] = "0",
    };
}

[Trait("Category", "api")]
public sealed class MinimumHoursAndBillingTests(ProductionHoursFactory factory) : IClassFixture<ProductionHoursFactory>
{
    private const string Models = ApiClientExtensions.Models;

    [Fact]
    public async Task StartTraining_Returns400InsufficientData_UnderFiveHoursOfTrainingAudio()
    {
        var client = await factory.CreateClientForAsync("hours-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).WithTrain(() => AudioFiles.LongSilenceAsync(4.5)).WithTest().CreateAsync();

        var error = await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertErrorAsync(HttpStatusCode.BadRequest, "INSUFFICIENT_DATA");

        Assert.Equal(4.5, (double)error["details"]!["training_hours"]!, 3);
        Assert.Equal(5, (double)error["details"]!["minimum_hours"]!);
        Assert.Equal(TrainingStatus.ReadyToRun, (await client.GetModelAsync(id)).Status());
    }

    [Fact]
    public async Task Training_OnElevenHours_EstimatesOneExtraHourAtFiftyDollars_AndChargesItAfterSuccess()
    {
        var client = await factory.CreateClientForAsync("hours-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).WithTrain(() => AudioFiles.LongSilenceAsync(11)).WithTest().CreateAsync();

        var before = (await client.GetModelAsync(id))["billing"]!;
        var started = await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
        var done = await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success, TrainingStatus.Failed);

        Assert.Equal(10, (double)before["included_hours"]!);
        Assert.Equal(1, (double)before["extra_hours"]!, 3);
        Assert.Equal(50m, (decimal)before["price_per_extra_hour"]!);
        Assert.Equal(50m, (decimal)before["estimated_cost"]!);
        Assert.Equal("USD", (string?)before["currency"]);
        Assert.Equal(50m, (decimal)started["billing"]!["estimated_cost"]!);
        Assert.Equal(TrainingStatus.Success, done.Status());
        Assert.Equal(11, (double)done["training_metrics"]!["training_hours"]!, 3);
        var charge = Assert.Single(await factory.QueryAsync(db => db.Ledger.Where(l => l.ModelId == id).ToListAsync()));
        Assert.Equal(LedgerKinds.Training, charge.Kind);
        Assert.Equal(50m, charge.Amount);
        Assert.Equal($"custom_model_{id}", charge.Model);
        Assert.Equal(11 * 3600, charge.AudioSeconds, 0);
    }

    [Fact]
    public async Task Training_WithinTheIncludedHours_CostsNothing()
    {
        var client = await factory.CreateClientForAsync("hours-" + Guid.NewGuid().ToString("N"));
        var id = await new CustomModelBuilder(client).WithTrain(() => AudioFiles.LongSilenceAsync(6)).WithTest().CreateAsync();

        var started = await (await client.PostAsJsonAsync($"{Models}/{id}/run", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
        await client.WaitForStatusAsync(id, TimeSpan.FromMinutes(1), TrainingStatus.Success, TrainingStatus.Failed);

        Assert.Equal(0m, (decimal)started["billing"]!["estimated_cost"]!);
        Assert.Equal(0m, Assert.Single(await factory.QueryAsync(db => db.Ledger.Where(l => l.ModelId == id).ToListAsync())).Amount);
    }
}
