using System.Text.RegularExpressions;
using Dashboard.Server.Storage;
using Microsoft.Extensions.Options;
using Dashboard.Server.Speech;

namespace Dashboard.Server.Training.Sphinx.Adaptation;

/// <summary>
/// The MLLR transform a run estimated (a file in the work folder), or why there is none, in one log line; with a
/// transform, also the sphinxtrain model copy and the last pass's bw statistics, which <see cref="MapAdaptation"/> reuses.
/// </summary>
public sealed record AdaptationResult(string? TransformPath, string Summary, BaumWelchStatistics? Statistics = null);

/// <summary>The Baum-Welch accumulator folders of the training audio, collected on <see cref="Model"/> (with the first MLLR transform applied).</summary>
public sealed record BaumWelchStatistics(SphinxTrainModel Model, IReadOnlyList<string> AccumulatorFolders);

/// <summary>
/// Adapts the stock acoustic model to the training audio with sphinxtrain: features with sphinx_fe, Baum-Welch
/// statistics with bw, a global MLLR mean transform with mllr_solve, twice (the second alignment uses the first
/// transform, so utterances too far from the stock model to align at first are aligned then). sphinx_fe runs in
/// parts over the utterances, one process per core (<see cref="SphinxOptions.TrainingSlots"/>), and so does bw, whose parts' statistics
/// mllr_solve sums. Optional: when the tools
/// or model files are missing or a tool fails, the run goes on without it and says why.
/// </summary>
public sealed partial class AcousticAdaptation(IOptions<SphinxOptions> options, ModelFilesForSphinxTrain modelFiles)
{
    public const string ToolFolder = "/usr/lib/sphinxtrain";
    private const string Skipped = "Acoustic adaptation (MLLR) skipped: ";

    public async Task<AdaptationResult> AdaptAsync(IReadOnlyList<PreparedUtterance> train, IReadOnlyList<Pronunciation> added,
        IReadOnlyCollection<string> unpronounceable, string workFolder, StageProgress progress, CancellationToken ct)
    {
        if (!options.Value.AcousticAdaptation) return new(null, Skipped + "turned off (Sphinx:AcousticAdaptation=false).");
        if (!File.Exists(Path.Combine(ToolFolder, "bw")) || !File.Exists(Path.Combine(ToolFolder, "mllr_solve")))
            return new(null, Skipped + "sphinxtrain is not installed (apt-get install sphinxtrain).");
        var usable = train.Where(u => !u.Reference.Split(' ').Any(unpronounceable.Contains)).ToList();
        if (usable.Count == 0) return new(null, Skipped + "no training utterance has pronunciations for all its words.");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(workFolder, "mllr")).FullName;
            var model = await modelFiles.PrepareAsync(Path.Combine(folder, "hmm"), ct);
            await progress.StepAsync(1, 6, null, ct);
            var ids = usable.Select(u => Path.GetFileNameWithoutExtension(u.PcmPath)).ToList();
            await File.WriteAllLinesAsync(Path.Combine(folder, "train.fileids"), ids, ct);
            await File.WriteAllLinesAsync(Path.Combine(folder, "train.transcription"), usable.Select((u, i) => $"<s> {u.Reference} </s> ({ids[i]})"), ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "train.dict"), await File.ReadAllTextAsync(options.Value.DictionaryPath, ct) + SphinxArtifactStore.FormatDictionary(added), ct);
            var features = Directory.CreateDirectory(Path.Combine(folder, "features")).FullName;
            var parts = Math.Clamp(options.Value.TrainingSlots, 1, usable.Count);
            await RunPartsAsync("sphinx_fe", parts, ["-argfile", Path.Combine(model.Folder, "feat.params"), "-samprate", SphinxDecoder.SampleRate.ToString(), "-c", Path.Combine(folder, "train.fileids"),
                "-di", Path.GetDirectoryName(usable[0].PcmPath)!, "-do", features, "-eo", "mfc", "-ei", "pcm", "-input_endian", "little", "-dither", "no"], _ => [], ct);
            await progress.StepAsync(2, 6, $"Extracted MFCC features of {usable.Count} training utterances with sphinx_fe ({parts} parts at once).", ct);

            string? transform = null;
            var aligned = new List<int>();
            List<string> accumulators = [];
            for (var pass = 1; pass <= 2; pass++)
            {
                accumulators = Enumerable.Range(1, parts).Select(part => Directory.CreateDirectory(Path.Combine(folder, $"pass{pass}", $"part{part}")).FullName).ToList();
                var bw = await RunPartsAsync(Path.Combine(ToolFolder, "bw"), parts, [.. model.BaumWelchArguments,
                    "-dictfn", Path.Combine(folder, "train.dict"), "-fdictfn", Path.Combine(model.Folder, "noisedict"),
                    "-ctlfn", Path.Combine(folder, "train.fileids"), "-lsnfn", Path.Combine(folder, "train.transcription"),
                    "-cepdir", features, "-cepext", "mfc", .. transform is null ? Array.Empty<string>() : ["-mllrmat", transform]],
                    part => ["-accumdir", accumulators[part - 1]], ct);
                aligned.Add(usable.Count - bw.Sum(b => IgnoredUtterance().Count(b.StandardError)));
                var output = Path.Combine(folder, $"mllr_pass{pass}");
                await RunAsync(Path.Combine(ToolFolder, "mllr_solve"), ["-meanfn", Path.Combine(model.Folder, "means"), "-varfn", Path.Combine(model.Folder, "variances"),
                    "-outmllrfn", output, "-accumdir", AccumulatorList(accumulators)], ct);
                transform = output;
                await progress.StepAsync(2 + 2 * pass, 6, $"MLLR pass {pass}: bw aligned {aligned[^1]} of {usable.Count} utterances; mllr_solve estimated the transform.", ct);
            }
            var seconds = usable.Sum(u => new FileInfo(u.PcmPath).Length) / 2.0 / SphinxDecoder.SampleRate;
            return new(transform, $"Acoustic adaptation: a global MLLR transform of the en-us means, estimated in 2 passes on {usable.Count} training utterances " +
                $"({seconds / 60:0.#} min; aligned {aligned[0]} then {aligned[1]}){(model.RebuiltMixtureWeights ? "; mixture weights rebuilt from sendump" : "")}.",
                new BaumWelchStatistics(model, accumulators));
        }
        catch (Exception e) when (e is AdaptationToolException or IOException or InvalidDataException)
        {
            return new(null, Skipped + e.Message);
        }
    }

    /// <summary>
    /// Runs <paramref name="parts"/> copies of a sphinxtrain tool at once, each on its share of the control file
    /// (-part k -npart n, which sphinx_fe and bw both read), with the arguments <paramref name="ofPart"/> gives each.
    /// </summary>
    private async Task<ProcessResult[]> RunPartsAsync(string tool, int parts, IReadOnlyList<string> arguments, Func<int, IEnumerable<string>> ofPart, CancellationToken ct) =>
        await Task.WhenAll(Enumerable.Range(1, parts).Select(part =>
            RunAsync(tool, [.. arguments, .. ofPart(part), .. parts > 1 ? ["-part", part.ToString(), "-npart", parts.ToString()] : Array.Empty<string>()], ct)));

    /// <summary>
    /// The value of -accumdir for mllr_solve and map_adapt, which sum the statistics of every folder: sphinxbase reads a
    /// list argument as one comma-separated word (several words after the flag are refused).
    /// </summary>
    internal static string AccumulatorList(IReadOnlyList<string> folders) =>
        folders.Any(f => f.Contains(',', StringComparison.Ordinal))
            ? throw new AdaptationToolException("A work folder's path contains a comma, which sphinxtrain cannot take in a list of folders.")
            : string.Join(',', folders);

    internal async Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(tool, arguments, TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds), ct);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AdaptationToolException($"{Path.GetFileName(tool)} could not be started ({e.Message}).");
        }
        catch (TimeoutException e)
        {
            throw new AdaptationToolException(e.Message);
        }
        if (result.ExitCode != 0)
        {
            var reason = result.StandardError.Split('\n').LastOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("FATAL", StringComparison.Ordinal))?.Trim();
            throw new AdaptationToolException($"{Path.GetFileName(tool)} failed (exit code {result.ExitCode}{(reason is null ? "" : $": {reason}")}).");
        }
        return result;
    }

    [GeneratedRegex(@"baum_welch\.c.*ignored")] private static partial Regex IgnoredUtterance();
}

public sealed class AdaptationToolException(string message) : Exception(message);
