using Dashboard.Client.Components;
using Dashboard.Shared.Privacy;

namespace Dashboard.Tests.Components;

[Trait("Category", "unit")]
public sealed class DataUseComponentTests
{
    [Fact]
    public async Task DataUseSummary_OnGrowthOptedOut_SaysTheDiscountIsForfeited()
    {
        var html = await ComponentRendering.RenderAsync<DataUseSummary>(new() { ["Settings"] = new AccountSettingsDto("Acme", "growth", true, 30, 50) });
        Assert.Contains("Opted out", html);
        Assert.Contains("50% participation discount does not apply", html);
        Assert.Contains("data-opt-out=\"true\"", html);
        Assert.Contains("href=\"privacy\"", html);
    }

    [Fact]
    public async Task DataUseSummary_OnGoldParticipating_ShowsTheRetention()
    {
        var html = await ComponentRendering.RenderAsync<DataUseSummary>(new() { ["Settings"] = new AccountSettingsDto("Acme", "gold", false, 14, 0) });
        Assert.Contains("Participating", html);
        Assert.Contains("deleted after 14 days", html);
        Assert.DoesNotContain("discount", html);
    }

    [Theory]
    [InlineData("payg", 50)]
    [InlineData("growth", 50)]
    [InlineData("gold", 0)]
    [InlineData("enterprise", 0)]
    public void TheParticipationDiscount_DependsOnThePlan(string plan, int percent) =>
        Assert.Equal(percent, DataUsePolicy.DiscountPercent(plan));
}
