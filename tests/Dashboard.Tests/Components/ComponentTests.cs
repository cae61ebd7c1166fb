using Dashboard.Client.Components;
using Dashboard.Shared.Models;

namespace Dashboard.Tests.Components;

[Trait("Category", "unit")]
public sealed class ComponentTests
{
    [Theory]
    [InlineData(TrainingStatus.NotRunning, "Not running", "chip-notrunning")]
    [InlineData(TrainingStatus.Running, "Running", "chip-running")]
    [InlineData(TrainingStatus.Success, "Success", "chip-success")]
    [InlineData(TrainingStatus.Failed, "Failed", "chip-failed")]
    public async Task StatusChip_ShowsTheStatusNameAndCode(TrainingStatus status, string label, string css)
    {
        var html = await ComponentRendering.RenderAsync<StatusChip>(new() { ["Status"] = status });
        Assert.Contains(label, html);
        Assert.Contains(css, html);
        Assert.Contains($"data-status=\"{(int)status}\"", html);
    }

    [Fact]
    public async Task HoursGauge_BelowTheMinimum_SaysHowMuchMoreIsNeeded()
    {
        var html = await ComponentRendering.RenderAsync<HoursGauge>(new() { ["TrainHours"] = 3.0, ["MinimumHours"] = 5.0, ["IncludedHours"] = 10.0 });
        Assert.Contains("2 h more needed to start", html);
        Assert.Contains("gauge-fill-short", html);
        Assert.DoesNotContain("gauge-extra", html);
    }

    [Fact]
    public async Task HoursGauge_BeyondTheIncludedHours_ShowsTheExtraHours()
    {
        var html = await ComponentRendering.RenderAsync<HoursGauge>(new() { ["TrainHours"] = 12.5, ["MinimumHours"] = 5.0, ["IncludedHours"] = 10.0 });
        Assert.Contains("2.5 h beyond the included hours", html);
        Assert.Contains("class=\"gauge-extra\"", html);
    }

    [Fact]
    public async Task CostEstimate_ShowsExtraHoursTimesThePrice()
    {
        var estimate = new BillingEstimateDto(10, 12.5, 2.5, 50, 125, "USD");
        var html = await ComponentRendering.RenderAsync<CostEstimate>(new() { ["Estimate"] = estimate });
        Assert.Contains("2.5 h × $50.00", html);
        Assert.Contains("data-testid=\"extra-hours-cost\"", html);
        Assert.Contains("$125.00", html);
    }

    [Fact]
    public async Task ModelTable_EncodesHtmlInNamesAndDescriptions()
    {
        var model = new ModelDto(7, "<b>x</b>", "en", "medical", "<script>alert(1)</script>", TrainingStatus.ReadyToRun, 0, null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new DataSummaryDto(1, 1, 0.5, 0.1, 5), new BillingEstimateDto(10, 0.5, 0, 50, 0, "USD"), "sphinx", null, null, null);
        var html = await ComponentRendering.RenderAsync<ModelTable>(new() { ["Models"] = new[] { model } });
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("data-model-id=\"7\"", html);
    }
}
