using System.Runtime.InteropServices;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.LanguageModel;
using Dashboard.Server.Speech.Segmentation;
using Dashboard.Shared.Training;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx;

/// <summary>
/// Training recordings longer than <see cref="SphinxOptions.SegmentAboveSeconds"/> are cut into utterances by their
/// transcript (<see cref="TranscriptAligner"/>): decoded with a language model made from that transcript alone, read
/// block by block so an hour-long file never sits in memory whole. Each matching segment becomes a training utterance
/// of its own; stretches where audio and transcript disagree are left out and named in the log. Recordings are aligned
/// in parallel, one decoder per core.
/// </summary>
public sealed class LongRecordingSegmenter(IOptions<SphinxOptions> options)
{
    public const double MaxSegmentSeconds = 20;
    private const double BlockSeconds = 60;

    public async Task<IReadOnlyList<PreparedUtterance>> SegmentAsync(IReadOnlyList<PreparedUtterance> train, IReadOnlyList<Pronunciation> added,
        string workFolder, StageProgress progress, CancellationToken ct)
    {
        var pieces = new IReadOnlyList<PreparedUtterance>[train.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, train.Count), options.Value.TrainingWork(ct), async (i, token) =>
        {
            var utterance = train[i];
            if (utterance.Seconds <= options.Value.SegmentAboveSeconds) { pieces[i] = [utterance]; return; }
            var alignment = await AlignAsync(utterance.PcmPath, utterance.Sentences, added, workFolder, token);
            pieces[i] = await WriteSegmentsAsync(utterance, alignment, token);
            var left = alignment.Skipped.Where(s => s.Reference.Length > 0 || s.End - s.Start >= 1).ToList();
            await progress.LogAsync(left.Count == 0 ? LogLevels.Info : LogLevels.Warning,
                $"{utterance.File.AudioFileName}: cut into {pieces[i].Count} utterances by aligning its transcript; used {alignment.UsedSeconds / 60:0.0} of " +
                $"{alignment.TotalSeconds / 60:0.0} min ({100 * alignment.UsedSeconds / Math.Max(1, alignment.TotalSeconds):0}%)" +
                (left.Count == 0 ? "." : "; left out where audio and transcript disagree: " + string.Join("; ", left.Take(10).Select(Describe)) +
                    (left.Count > 10 ? $" and {left.Count - 10} more" : "")), token);
        });
        return [.. pieces.SelectMany(p => p)];
    }

    /// <summary>Decodes <paramref name="pcmPath"/> with a model of its own transcript and aligns the words with it.</summary>
    public async Task<TranscriptAlignment> AlignAsync(string pcmPath, IReadOnlyList<string> sentences, IReadOnlyList<Pronunciation> added, string workFolder, CancellationToken ct)
    {
        var arpa = Path.Combine(workFolder, $"{Path.GetFileNameWithoutExtension(pcmPath)}.transcript.arpa");
        var model = KneserNeyEstimator.Estimate(sentences.Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList(), DomainModelBuilder.Order);
        await using (var writer = new StreamWriter(arpa)) model.Write(writer);
        var spec = new RecognizerSpec($"align/{Path.GetFileName(pcmPath)}", added, [new WeightedLanguageModel(arpa, 0.95)]);
        var words = new List<RecognizedWord>();
        double total = 0;
        await Task.Run(async () =>
        {
            using var decoder = new SphinxDecoder(options.Value, spec);
            await foreach (var (offset, block) in PcmBlocks.ReadAsync(pcmPath, BlockSeconds, ct))
            {
                words.AddRange(decoder.Recognize(block).Words.Select(w => w with { Start = w.Start + offset, End = w.End + offset }));
                total = offset + (double)block.Length / SphinxDecoder.SampleRate;
            }
        }, ct);
        File.Delete(arpa);
        return TranscriptAligner.Align(string.Join(' ', sentences).Split(' '), words, total, MaxSegmentSeconds);
    }

    private static async Task<List<PreparedUtterance>> WriteSegmentsAsync(PreparedUtterance utterance, TranscriptAlignment alignment, CancellationToken ct)
    {
        var pieces = new List<PreparedUtterance>();
        await using var source = File.OpenRead(utterance.PcmPath);
        for (var i = 0; i < alignment.Segments.Count; i++)
        {
            var segment = alignment.Segments[i];
            var path = $"{Path.ChangeExtension(utterance.PcmPath, null)}_{i:0000}.pcm";
            var (from, to) = ((long)(segment.Start * SphinxDecoder.SampleRate) * 2, (long)(segment.End * SphinxDecoder.SampleRate) * 2);
            source.Position = from;
            var bytes = new byte[to - from];
            await source.ReadExactlyAsync(bytes, ct);
            await File.WriteAllBytesAsync(path, bytes, ct);
            pieces.Add(utterance with { PcmPath = path, Sentences = [segment.Reference] });
        }
        return pieces;
    }

    private static string Describe(SkippedStretch s) =>
        $"{TimeSpan.FromSeconds(s.Start):m\\:ss}–{TimeSpan.FromSeconds(s.End):m\\:ss} \"{Shorten(s.Reference)}\" (heard \"{Shorten(s.Recognized)}\")";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

/// <summary>Raw 16 kHz PCM read in blocks of about <c>blockSeconds</c>, each ending in a pause where there is one, so no word is cut in two.</summary>
public static class PcmBlocks
{
    public static async IAsyncEnumerable<(double OffsetSeconds, short[] Samples)> ReadAsync(string path, double blockSeconds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var blockSamples = (int)(blockSeconds * SphinxDecoder.SampleRate);
        var carry = Array.Empty<short>();
        long offset = 0;
        var buffer = new byte[blockSamples * 2];
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            var samples = carry.Concat(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, read & ~1)).ToArray()).ToArray();
            if (read < buffer.Length)
            {
                if (samples.Length > 0) yield return ((double)offset / SphinxDecoder.SampleRate, samples);
                yield break;
            }
            var pauses = PauseDetector.Find(samples, UtteranceSplitter.PauseSeconds);
            var cut = pauses.Where(p => p.Middle > samples.Length / 2).Select(p => p.Middle).DefaultIfEmpty(samples.Length).Last();
            yield return ((double)offset / SphinxDecoder.SampleRate, samples[..cut]);
            carry = samples[cut..];
            offset += cut;
        }
    }
}
