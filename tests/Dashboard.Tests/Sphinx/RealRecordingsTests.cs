using Dashboard.Server.Training.Sphinx;
using Xunit;
using Xunit.Abstractions;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Tests.Sphinx;

/// <summary>The base model on the real LibriVox recordings of pocketsphinx-testdata, against the raw pocketsphinx_continuous CLI.</summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class RealRecordingsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BaseModel_ThroughTheApi_IsNoWorseThanThePocketSphinxCli_OnTheSameFiles()
    {
        await using var host = SphinxApiHost.Start();
        var (client, _, _) = await host.NewOrganizationAsync("librivox-listeners");
        var (ours, cli) = (ErrorCounts.None, ErrorCounts.None);
        foreach (var recording in LibrivoxRecordings.All())
        {
            var api = TranscriptNormalizer.Normalize((await SphinxApiCalls.TranscribeAsync(client, "general", recording.WavPath)).Transcript);
            var raw = TranscriptNormalizer.Normalize(await CliTranscriptAsync(recording.WavPath));
            ours = ours.Add(ErrorAlignment.Words(recording.Reference, api));
            cli = cli.Add(ErrorAlignment.Words(recording.Reference, raw));
            output.WriteLine($"REF {recording.Reference}\nAPI {api}\nCLI {raw}");
        }
        output.WriteLine($"WER: API {ours.RatePercent:0.00}%, pocketsphinx_continuous {cli.RatePercent:0.00}% ({ours.ReferenceLength} words)");
        Assert.True(ours.RatePercent <= cli.RatePercent, $"API WER {ours.RatePercent:0.0}% > CLI WER {cli.RatePercent:0.0}%");
        Assert.True(ours.RatePercent < 35);
    }

    /// <summary>The CLI prints one line per utterance it finds; its log goes to stderr.</summary>
    private static async Task<string> CliTranscriptAsync(string wav)
    {
        var result = await Dashboard.Server.Storage.ProcessRunner.RunAsync("pocketsphinx_continuous", ["-infile", wav], TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        return string.Join(' ', result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
