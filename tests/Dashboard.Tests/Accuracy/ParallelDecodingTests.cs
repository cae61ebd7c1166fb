using Dashboard.Server.Data;
using Dashboard.Server.Speech;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Tests.Infrastructure;
using Dashboard.Tests.Sphinx;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>
/// Training decodes held-out and test recordings on all cores (real PocketSphinx, espeak-ng audio): whatever the number
/// of slots, each recording gets what one decoder of its spec alone makes of it, in its own place.
/// </summary>
[Trait("Category", "sphinx")]
public sealed class ParallelDecodingTests : IDisposable
{
    private static readonly string[] Sentences =
    [
        "the court adjourned until monday morning",
        "please sign the contract before the meeting",
        "the witness left the room after the hearing",
    ];
    private readonly string folder = TestTemp.Folder("parallel-decoding-");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EveryRecording_GetsWhatOneDecoderOfItsSpecAloneMakesOfIt(int slots)
    {
        var recordings = await RecordingsAsync();
        var options = new SphinxOptions { TrainingParallelism = slots };
        RecognizerSpec[] specs = [RecognizerSpec.Stock("parallel-a"), RecognizerSpec.Stock("parallel-b") with { LanguageWeight = 3, WordInsertionPenalty = 5 }];
        var calls = 0;

        var results = await ParallelDecoding.DecodeAsync(specs, recordings, options, (_, _, _, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(specs.Length * recordings.Count, calls);
        for (var s = 0; s < specs.Length; s++)
        {
            using var alone = new SphinxDecoder(options, specs[s]);
            for (var i = 0; i < recordings.Count; i++)
                Assert.Equal(alone.Recognize(await PcmAudio.ReadAsync(recordings[i].PcmPath, CancellationToken.None)).Transcript, results[s][i].Transcript);
        }
        Assert.All(results.SelectMany(r => r), r => Assert.NotEmpty(r.Words));
    }

    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 2)]
    [InlineData(4, 2, 1)]
    [InlineData(2, 4, 2)]
    [InlineData(9, 4, 4)]
    public void EachDecoder_IsCutIntoEnoughShares_ToFillEverySlot(int specs, int slots, int shares) =>
        Assert.Equal(shares, ParallelDecoding.SharesPerSpec(specs, slots));

    [Fact]
    public async Task Shares_HoldEveryRecordingOnce_WithAboutEqualAudio()
    {
        var recordings = await RecordingsAsync();
        recordings = [.. recordings, .. recordings, recordings[0]];

        var shares = ParallelDecoding.Shares(recordings, 2);

        Assert.Equal(Enumerable.Range(0, recordings.Count), shares.SelectMany(s => s).Order());
        var seconds = shares.Select(s => s.Sum(i => recordings[i].Seconds)).ToList();
        Assert.True(seconds.Max() - seconds.Min() <= recordings.Max(r => r.Seconds), string.Join(", ", seconds));
        Assert.Equal(recordings.Count, ParallelDecoding.Shares(recordings, 100).Count);
    }

    private async Task<List<PreparedUtterance>> RecordingsAsync()
    {
        var recordings = new List<PreparedUtterance>();
        for (var i = 0; i < Sentences.Length; i++)
        {
            var (wav, pcm) = (Path.Combine(folder, $"{i}.wav"), Path.Combine(folder, $"{i}.pcm"));
            if (!File.Exists(pcm))
            {
                await SpeechSynthesizer.SpeakAsync(Sentences[i], i, wav);
                await SpeechSynthesizer.RunAsync("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav, "-ac", "1", "-ar", "16000", "-f", "s16le", pcm);
            }
            var file = new DataFile { Type = "test", AudioFileName = $"{i}.wav", AudioBlob = "", TranscriptFileName = $"{i}.txt", TranscriptBlob = "", Format = "wav" };
            recordings.Add(new PreparedUtterance(file, pcm, [Sentences[i]]));
        }
        return recordings;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
