using System.Net;
using Dashboard.Client.Components;
using Dashboard.Shared.Models;
using Dashboard.Shared.Transcription;
using Dashboard.Shared.Versions;

namespace Dashboard.Tests.Components;

/// <summary>How the model page tells a version that hurts from one that helps: sign, colour, words and the seed's guidance.</summary>
[Trait("Category", "unit")]
public sealed class WorseVersionComponentTests
{
    private static ModelDto Model(double improvement, HeldBackVersionDto? heldBack, int? serving, string engine = "sphinx") => new(
        5, "Phone prompts", "en", "general", null, TrainingStatus.Success, 100,
        new TrainingMetricsDto(23.78, improvement, 12.1, 0.13, 21.2, 2), null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
        new DataSummaryDto(12, 2, 0.13, 0.02, 5), new BillingEstimateDto(10, 0.13, 0, 50, 0, "USD"), engine, serving,
        serving is { } v ? $"custom_model_5/v{v}" : "general", heldBack);

    private static readonly HeldBackVersionDto HeldBack = new(2, HeldBackReasons.WorseThanBase, "Version 2 is worse than the base model.");

    [Fact]
    public async Task AHeldBackVersion_ReadsAsWorse_SaysWhatServes_AndGivesTheSeedsGuidance()
    {
        var html = await ComponentRendering.RenderAsync<ModelNotices>(new() { ["Model"] = Model(-12.19, HeldBack, serving: 1) });

        Assert.Contains("data-testid=\"held-back\"", html);
        Assert.Contains("Version 2 is worse than the base model", html);
        Assert.Contains("12.19% worse than base", html);
        Assert.Contains("answers with version 1", html);
        Assert.Contains("More training data", html);
        Assert.Contains("Text data", html);
        Assert.Contains("A different base model", html);
        Assert.DoesNotContain("+-", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("engine-simulated", html);
    }

    [Fact]
    public async Task AFirstVersionHeldBack_SaysTheBaseModelAnswers()
    {
        var html = await ComponentRendering.RenderAsync<ModelNotices>(new() { ["Model"] = Model(-3, HeldBack with { Version = 1 }, serving: null) });

        Assert.Contains("the base model (General)", html);
    }

    [Fact]
    public async Task ALowButPositiveImprovement_GetsTheGuidance_AGoodOneNothing()
    {
        var low = await ComponentRendering.RenderAsync<ModelNotices>(new() { ["Model"] = Model(6.5, null, serving: 2) });
        var good = await ComponentRendering.RenderAsync<ModelNotices>(new() { ["Model"] = Model(31, null, serving: 2) });

        Assert.Contains("data-testid=\"low-improvement\"", low);
        Assert.Contains("6.5% fewer word errors than base", low);
        Assert.Contains("improvement-guidance", low);
        Assert.DoesNotContain("held-back", low);
        Assert.Equal("", good.Trim());
    }

    [Fact]
    public async Task SimulatedMetrics_AreSaidToBeSimulated()
    {
        var html = await ComponentRendering.RenderAsync<ModelNotices>(new() { ["Model"] = Model(20, null, serving: 1, engine: "simulated") });

        Assert.Contains("data-testid=\"engine-simulated\"", html);
        Assert.Contains("Training:Engine=simulated", html);
    }

    [Fact]
    public async Task TheVersionsTable_MarksTheWorseVersion_InRed_WithoutPlusMinus()
    {
        ModelVersionDto Version(int number, double improvement, bool serving) => new(number, DateTimeOffset.UtcNow, "sphinx",
            20, 21.2, 10, improvement, 0.13, 14, 12, 2, serving, improvement <= 0);
        var versions = new ModelVersionsResponse(5, 1, [Version(2, -12.19, false), Version(1, 8, true)], "custom_model_5/v1", HeldBack);

        var html = await ComponentRendering.RenderAsync<VersionsPanel>(new() { ["Versions"] = versions, ["CanServe"] = true });

        Assert.Contains("<td class=\"num text-bad\" data-testid=\"version-improvement\">-12.19%</td>", html);
        Assert.Contains("<td class=\"num text-good\" data-testid=\"version-improvement\">&#x2B;8%</td>", html); // "+8%", encoded
        Assert.Single(html.Split("data-testid=\"worse-than-base\"")[1..]);
        Assert.Contains("v1 serves custom_model_5", html);
        Assert.DoesNotContain("+-", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task TheEvaluationGain_OfAWorseVersion_IsRedAndSigned()
    {
        var evaluation = new EvaluationResponse(5, 2, "sphinx", "general", 23.78, 21.2, 12.1, null, -12.19, []);

        var html = await ComponentRendering.RenderAsync<EvaluationSummary>(new() { ["Evaluation"] = evaluation });

        Assert.Contains("<div class=\"metric-value text-bad\">-12.19%</div>", html);
        Assert.DoesNotContain("+-", WebUtility.HtmlDecode(html));
    }
}
