using Dashboard.Client.Components;
using Dashboard.Shared.Transcription;

namespace Dashboard.Tests.Components;

[Trait("Category", "unit")]
public sealed class EvaluationComponentTests
{
    private static readonly AlignedWordDto[] KnownAlignment =
    [
        new("takes", "takes", WordAlignmentKind.Correct),
        new("warfarin", "war", WordAlignmentKind.Substitution),
        new(null, "<for>", WordAlignmentKind.Insertion),
        new("daily", null, WordAlignmentKind.Deletion),
        new("o'brien", "o'brien", WordAlignmentKind.Correct),
    ];

    private static UtteranceEvaluationDto Utterance(double baseWer, double customWer, int? fileId = 42) => new(
        "holdout_1.wav", "takes warfarin daily o'brien", "takes war <for> o'brien", "takes warfarin daily o'brien",
        new ErrorCountsDto(1, 1, 1, 4, baseWer, 20), new ErrorCountsDto(0, 0, 0, 4, customWer, 0), fileId, KnownAlignment, KnownAlignment);

    [Fact]
    public async Task WordDiff_HighlightsSubstitutedDeletedAndInsertedWords_HtmlEncoded()
    {
        var html = await ComponentRendering.RenderAsync<WordDiff>(new() { ["Alignment"] = KnownAlignment, ["Model"] = "base" });

        Assert.Contains("data-model=\"base\"", html);
        Assert.Contains("<span class=\"w\">takes</span>", html);
        Assert.Contains("<span class=\"w w-sub\" title=\"instead of &#x201C;warfarin&#x201D;\">war</span>", html);
        Assert.Contains("<ins class=\"w w-ins\" title=\"not in the reference\">&lt;for&gt;</ins>", html);
        Assert.Contains("<del class=\"w w-del\" title=\"missing from the transcript\">daily</del>", html);
        Assert.Contains("<span class=\"w\">o&#x27;brien</span>", html);
        Assert.DoesNotContain("<for>", html);
    }

    [Fact]
    public async Task UtteranceCard_PlaysTheTestFilesAudio_AndShowsBothWordErrorRates()
    {
        var html = await ComponentRendering.RenderAsync<UtteranceCard>(new() { ["ModelId"] = 7, ["Utterance"] = Utterance(75, 0) });

        Assert.Contains("<audio controls preload=\"none\" src=\"api/v3/custom_models/7/data/42/audio\"", html);
        Assert.Contains("75% <span class=\"muted\">→ custom</span> <b>0%</b>", html);
        Assert.Contains("utterance-improved", html);
        Assert.Contains("&#x2212;75 pts", html); // "−75 pts", encoded
        Assert.Equal(2, html.Split("data-testid=\"word-diff\"").Length - 1);
    }

    [Fact]
    public async Task UtteranceCard_WithoutItsDataFile_SaysTheAudioIsGone()
    {
        var html = await ComponentRendering.RenderAsync<UtteranceCard>(new() { ["ModelId"] = 7, ["Utterance"] = Utterance(0, 25, fileId: null) });

        Assert.DoesNotContain("<audio", html);
        Assert.Contains("no longer in the test set", html);
        Assert.Contains("utterance-worse", html);
    }

    [Fact]
    public async Task EvaluationSummary_AddsUpSubstitutionsDeletionsAndInsertions_ForBaseAndCustom()
    {
        var evaluation = new EvaluationResponse(7, 2, "sphinx", "medical", 10, 40, 5, 30, 75, [Utterance(75, 0), Utterance(50, 0)]);

        var html = await ComponentRendering.RenderAsync<EvaluationSummary>(new() { ["Evaluation"] = evaluation });

        Assert.Contains("Base model &#xB7; Medical", html);
        Assert.Contains("Custom model &#xB7; version 2", html);
        Assert.Contains("<b>2</b> substituted", html);
        Assert.Contains("<b>0</b> inserted", html);
        Assert.Contains("of 8 words", html);
        Assert.Contains("&#x2B;75%", html); // "+75%", encoded
    }

    [Theory]
    [InlineData(UtteranceFilter.All, UtteranceOrder.WorstFirst, "b,c,a")]
    [InlineData(UtteranceFilter.Improved, UtteranceOrder.MostImproved, "a,c")]
    [InlineData(UtteranceFilter.Worse, UtteranceOrder.TestSet, "b")]
    [InlineData(UtteranceFilter.Unchanged, UtteranceOrder.TestSet, "")]
    public void UtteranceFilters_FilterByChangeAndSort(UtteranceFilter filter, UtteranceOrder order, string expected)
    {
        UtteranceEvaluationDto Named(string file, double baseWer, double customWer) => Utterance(baseWer, customWer) with { File = file };
        var utterances = new[] { Named("a", 50, 0), Named("b", 10, 30), Named("c", 40, 20) };

        Assert.Equal(expected, string.Join(',', UtteranceFilters.Apply(utterances, filter, order).Select(u => u.File)));
    }
}
