using Dashboard.Tests.Infrastructure;
using Dashboard.Server.Data;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Text;
using Dashboard.Server.Training;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Tests.Sphinx;
using Microsoft.Extensions.Options;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>
/// A long recording built from known sentences with known pauses (flite, real PocketSphinx): it is cut in those pauses,
/// and the stretch whose transcript does not match the audio is left out and named in the training log.
/// </summary>
[Trait("Category", "sphinx")]
public sealed class LongRecordingSegmenterTests : IDisposable
{
    private const double Gap = 1.0;
    private static readonly string[] Spoken =
    [
        "The morning meeting starts at nine in the large conference room.",
        "Please bring the signed contract and two copies of the invoice.",
        "The weather was cold and windy for most of the week.",
        "Our team finished the new report before the deadline.",
        "She called the office twice but nobody answered the phone.",
    ];
    private const string WrongSentence = "A quarterly budget review was postponed until next spring by the board.";
    private readonly string folder = TestTemp.Folder("segmenter-");

    [Fact]
    public async Task ALongRecording_IsCutInItsPauses_AndAMismatchingStretchIsLeftOutAndLogged()
    {
        var (pcmPath, spans) = await BuildRecordingAsync();
        var typed = string.Join(' ', Spoken.Select((s, i) => i == 2 ? WrongSentence : s));
        var file = new DataFile { Type = "train", AudioFileName = "meeting.wav", AudioBlob = "", TranscriptFileName = "meeting.txt", TranscriptBlob = "", Format = "wav" };
        var utterance = new PreparedUtterance(file, pcmPath, TranscriptNormalizer.NormalizeSentences(typed));
        var progress = new RecordedProgress();
        var segmenter = new LongRecordingSegmenter(Options.Create(new SphinxOptions { SegmentAboveSeconds = 5 }));

        var pieces = await segmenter.SegmentAsync([utterance], [], folder, new StageProgress(progress, 0, 100, new SemaphoreSlim(1, 1)), CancellationToken.None);

        Assert.NotEmpty(pieces);
        var alignment = await segmenter.AlignAsync(pcmPath, utterance.Sentences, [], folder, CancellationToken.None);
        foreach (var segment in alignment.Segments)
        {
            // every cut lies in a pause: no segment begins or ends inside a sentence
            Assert.All(spans, s => Assert.False(segment.Start > s.Start + 0.2 && segment.Start < s.End - 0.2, $"segment starts inside sentence at {s.Start:0.0}-{s.End:0.0}: {segment}"));
            Assert.All(spans, s => Assert.False(segment.End > s.Start + 0.2 && segment.End < s.End - 0.2, $"segment ends inside sentence at {s.Start:0.0}-{s.End:0.0}: {segment}"));
        }
        var wrong = spans[2];
        Assert.DoesNotContain(alignment.Segments, s => s.Start < wrong.End - 0.2 && s.End > wrong.Start + 0.2);
        Assert.DoesNotContain(pieces, p => p.Reference.Contains("budget", StringComparison.Ordinal));
        Assert.True(alignment.UsedSeconds > 0.6 * spans.Where((_, i) => i != 2).Sum(s => s.End - s.Start), $"too little audio used: {alignment.UsedSeconds:0.0} s");
        var line = Assert.Single(progress.Lines, l => l.Contains("meeting.wav", StringComparison.Ordinal));
        Assert.Contains("left out", line, StringComparison.Ordinal);
        Assert.Contains("quarterly budget", line, StringComparison.Ordinal);
        Assert.Matches(@"used \d+\.\d of \d+\.\d min \(\d+%\)", line);
    }

    /// <summary>The sentences spoken by flite one by one, joined with <see cref="Gap"/> seconds of silence; the sentences' spans in seconds.</summary>
    private async Task<(string Path, List<(double Start, double End)> Spans)> BuildRecordingAsync()
    {
        var samples = new List<short>();
        var spans = new List<(double, double)>();
        for (var i = 0; i < Spoken.Length; i++)
        {
            var wav = Path.Combine(folder, $"s{i}.wav");
            await SpeechSynthesizer.RunAsync("flite", "-voice", "slt", "-t", Spoken[i], "-o", wav);
            var pcm = (await PcmAudio.ConvertAndReadAsync(new AudioProbe(Options.Create(new ToolOptions())), wav, AudioUse.Transcription, folder, TimeSpan.FromMinutes(1), CancellationToken.None)).Samples;
            samples.AddRange(new short[(int)(Gap * SphinxDecoder.SampleRate)]);
            spans.Add(((double)samples.Count / SphinxDecoder.SampleRate, (double)(samples.Count + pcm.Length) / SphinxDecoder.SampleRate));
            samples.AddRange(pcm);
        }
        samples.AddRange(new short[(int)(Gap * SphinxDecoder.SampleRate)]);
        var path = Path.Combine(folder, "meeting.pcm");
        await File.WriteAllBytesAsync(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.ToArray().AsSpan()).ToArray());
        return (path, spans);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class RecordedProgress : ITrainingProgress
    {
        public List<string> Lines { get; } = [];
        public Task StageAsync(string stage, int percent, CancellationToken ct) => Task.CompletedTask;
        public Task ProgressAsync(int percent, CancellationToken ct) => Task.CompletedTask;
        public Task LogAsync(string level, string message, CancellationToken ct)
        {
            Lines.Add(message);
            return Task.CompletedTask;
        }
    }
}
