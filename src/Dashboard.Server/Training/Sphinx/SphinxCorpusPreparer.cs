using Dashboard.Server.Data;
using Dashboard.Server.Storage;
using Dashboard.Shared.Training;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech;
using Dashboard.Server.Speech.Text;

namespace Dashboard.Server.Training.Sphinx;

/// <summary>One data pair ready for the engine: its audio as 16 kHz mono PCM on disk and its transcript normalized.</summary>
public sealed record PreparedUtterance(DataFile File, string PcmPath, IReadOnlyList<string> Sentences)
{
    public string Reference => string.Join(' ', Sentences);

    /// <summary>Length of the audio: 16-bit samples at 16 kHz.</summary>
    public double Seconds => new FileInfo(PcmPath).Length / 2.0 / SphinxDecoder.SampleRate;
}

public sealed record PreparedCorpus(IReadOnlyList<PreparedUtterance> Train, IReadOnlyList<PreparedUtterance> Test)
{
    /// <summary>Normalized sentences of the text data files: language model and vocabulary only.</summary>
    public IReadOnlyList<string> TextSentences { get; init; } = [];
}

/// <summary>
/// The first stages of a sphinx run: every audio file converted to 16 kHz mono PCM with ffmpeg (in parallel, one per
/// core), every transcript read and normalized. Reports files done / files total.
/// </summary>
public sealed class SphinxCorpusPreparer(IBlobStorage storage, IOptions<SphinxOptions> options)
{
    public async Task<PreparedCorpus> PrepareAsync(TrainingInput input, string workFolder, StageProgress progress, CancellationToken ct)
    {
        var files = input.TrainFiles.Concat(input.TestFiles).ToList();
        var prepared = new PreparedUtterance[files.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options.Value.TrainingWork(ct), async (i, token) =>
        {
            prepared[i] = await PrepareAsync(files[i], i, workFolder, token);
            var count = Interlocked.Increment(ref done);
            var seconds = new FileInfo(prepared[i].PcmPath).Length / 2.0 / SphinxDecoder.SampleRate;
            await progress.StepAsync(count, files.Count, ShouldLog(count, files.Count)
                ? $"Converted {count}/{files.Count}: {files[i].AudioFileName} ({files[i].Format}, {seconds:0.0} s) to 16 kHz mono PCM" : null, token);
        });
        var train = prepared.Take(input.TrainFiles.Count).ToList();
        var test = prepared.Skip(input.TrainFiles.Count).ToList();
        foreach (var empty in prepared.Where(p => p.Sentences.Count == 0))
            await progress.LogAsync(LogLevels.Warning, $"{empty.File.TranscriptFileName} has no words after normalization; it is skipped.", ct);
        return new PreparedCorpus(train.Where(p => p.Sentences.Count > 0).ToList(), test.Where(p => p.Sentences.Count > 0).ToList())
        {
            TextSentences = await ReadTextDataAsync(input.TextFiles, workFolder, ct),
        };
    }

    /// <summary>Text data is read a line (a paragraph) at a time, so a large file is never one string in memory.</summary>
    private async Task<IReadOnlyList<string>> ReadTextDataAsync(IReadOnlyList<DataFile> files, string workFolder, CancellationToken ct)
    {
        var sentences = new List<string>();
        var path = Path.Combine(workFolder, "text-data.txt");
        foreach (var file in files)
        {
            await storage.CopyToFileAsync(file.TranscriptBlob, path, ct);
            using var reader = new StreamReader(path);
            while (await reader.ReadLineAsync(ct) is { } line) sentences.AddRange(TranscriptNormalizer.NormalizeSentences(line));
        }
        File.Delete(path);
        return sentences;
    }

    private async Task<PreparedUtterance> PrepareAsync(DataFile file, int index, string workFolder, CancellationToken ct)
    {
        var audio = Path.Combine(workFolder, $"{index:00000}.audio");
        var pcm = Path.Combine(workFolder, $"{index:00000}.pcm");
        var transcript = Path.Combine(workFolder, $"{index:00000}.txt");
        await storage.CopyToFileAsync(file.AudioBlob, audio, ct);
        await storage.CopyToFileAsync(file.TranscriptBlob, transcript, ct);
        try
        {
            // probed at upload: its row says which demuxer to force and how long it is
            await PcmAudio.ConvertAsync(audio, AudioContainers.DemuxerOf(file.Format), file.DurationSeconds, pcm, TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), ct);
        }
        catch (AudioRejectedException e)
        {
            throw new TrainingFailedException($"{file.AudioFileName} ({file.Type} set) {e.Message}");
        }
        finally
        {
            File.Delete(audio);
        }
        var sentences = TranscriptNormalizer.NormalizeSentences(await File.ReadAllTextAsync(transcript, ct));
        return new PreparedUtterance(file, pcm, sentences);
    }

    /// <summary>Every file of a small set is logged; a large set is summarized (the first 20, then every 5%).</summary>
    public static bool ShouldLog(int done, int total) => done <= 20 || done == total || done % Math.Max(1, total / 20) == 0;
}
