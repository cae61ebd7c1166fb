using Dashboard.Server.Evaluation;
using Dashboard.Server.Speech.Text;
using Dashboard.Tests.Sphinx;
using Xunit;
using Xunit.Abstractions;

namespace Dashboard.Tests.Streaming;

/// <summary>
/// The words of a stream against the same audio sent whole to /api/v3/stt: a stream decodes utterance by utterance as
/// the audio arrives, which must cost no more than 5 WER points. With the trained custom model, and with a base model.
/// </summary>
[Trait("Category", "sphinx")]
[Collection(SphinxCollection.Name)]
public sealed class StreamAccuracyTests(TrainedCardiologyModel trained, ITestOutputHelper output)
{
    [Fact]
    public async Task ACustomModelStreams_AndItsWordsAreWithinFivePointsOfStt_OnTheModelsTestSet()
    {
        var files = trained.TestFiles.Select(f => (f.WavPath, f.Reference)).ToList();
        await AssertStreamMatchesSttAsync(trained.CustomModel, files, sampleRate: 22050); // espeak-ng's rate: the server resamples through ffmpeg
    }

    [Fact]
    public async Task ABaseModelStream_IsWithinFivePointsOfStt_OnRealRecordedSpeech()
    {
        var files = LibrivoxRecordings.All().Select(r => (r.WavPath, r.Reference)).ToList();
        await AssertStreamMatchesSttAsync("general", files, sampleRate: 16000);
    }

    private async Task AssertStreamMatchesSttAsync(string model, List<(string WavPath, string Reference)> files, int sampleRate)
    {
        var run = await DeepgramLive.StreamAsync(trained.Host.BaseAddress!, trained.ApiKey,
            new { model, encoding = "linear16", sample_rate = sampleRate, endpointing = 300 }, files.Select(f => f.WavPath), pace: 4,
            more: new Dictionary<string, string> { ["DG_BYTES_PER_MS"] = (sampleRate * 2 / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(run.Opened, run.Error);
        var reference = string.Join(' ', files.Select(f => f.Reference));
        var streamed = ErrorAlignment.Words(reference, TranscriptNormalizer.Normalize(run.FinalText)).RatePercent;
        var whole = new List<string>();
        foreach (var (wav, _) in files) whole.Add((await SphinxApiCalls.TranscribeAsync(trained.Client, model, wav)).Transcript);
        var stt = ErrorAlignment.Words(reference, TranscriptNormalizer.Normalize(string.Join(' ', whole))).RatePercent;
        output.WriteLine($"{model}: stream WER {streamed:0.0}%, /api/v3/stt WER {stt:0.0}% over {files.Count} recordings");
        Assert.True(streamed - stt <= 5, $"stream WER {streamed:0.0}% vs /api/v3/stt {stt:0.0}%");
    }
}
