using Dashboard.Client.Components;
using Dashboard.Shared.Billing;

namespace Dashboard.Tests.Components;

/// <summary>The /billing ledger shows each transcription request: model, audio, discount, opt-out and its fraction-of-a-cent amount.</summary>
[Trait("Category", "unit")]
public sealed class LedgerTableTests
{
    [Fact]
    public async Task ATranscriptionRequest_ShowsItsModelDiscountAndAmountToTheMillionth()
    {
        var now = DateTimeOffset.UtcNow;
        var usage = new UsageResponse(
        [
            new LedgerEntryDto(2, "transcription", "custom_model_7", 2.99, 0.000107m, 50, false, "Transcription with custom_model_7: 3 s of audio", now),
            new LedgerEntryDto(1, "transcription", "general", 2.99, 0.000214m, 0, true, "Transcription with general: 3 s of audio", now),
        ], 0.000321m);

        var html = await ComponentRendering.RenderAsync<LedgerTable>(new() { ["Usage"] = usage });

        Assert.Contains("custom_model_7", html);
        Assert.Contains("$0.000107", html);
        Assert.Contains("$0.000214", html);
        Assert.Contains("−50%", html);
        Assert.Equal(1, html.Split("MIP opt-out").Length - 1);
    }
}
