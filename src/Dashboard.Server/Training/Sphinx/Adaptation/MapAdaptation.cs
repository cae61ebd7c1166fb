using Dashboard.Server.Speech;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx.Adaptation;

/// <summary>An acoustic model MAP-adapted to the training speakers (a folder with means, variances, sendump), or why there is none.</summary>
public sealed record MapAdaptationResult(string? ModelFolder, string Summary);

/// <summary>
/// MAP adaptation of the en-us acoustic model to the training speakers, for when the test speakers are training speakers
/// (one doctor who dictates, one voice talent). It reuses the bw statistics the MLLR pass collected: the stock means
/// moved by the MLLR transform are the prior, and sphinxtrain's map_adapt moves each Gaussian's mean, variance and
/// mixture weights toward the training audio in proportion to how much of it the Gaussian saw. mk_s2sendump writes
/// the weights in the decoder's compact form, so a version stores about 3.6 MB (means, variances, sendump).
/// </summary>
public sealed class MapAdaptation(IOptions<SphinxOptions> options, AcousticAdaptation tools)
{
    public static readonly string[] FileNames = ["means", "variances", "sendump"];
    private const string Skipped = "MAP adaptation skipped: ";

    public async Task<MapAdaptationResult> AdaptAsync(AdaptationResult mllr, string workFolder, CancellationToken ct)
    {
        if (!options.Value.MapAdaptation) return new(null, Skipped + "turned off (Sphinx:MapAdaptation=false).");
        if (mllr is not { TransformPath: { } transform, Statistics: { } statistics }) return new(null, Skipped + "it needs the MLLR pass's statistics, and there are none.");
        if (!File.Exists(Path.Combine(AcousticAdaptation.ToolFolder, "map_adapt"))) return new(null, Skipped + "sphinxtrain's map_adapt is not installed.");
        try
        {
            var model = statistics.Model.Folder;
            var folder = Directory.CreateDirectory(Path.Combine(workFolder, "map")).FullName;
            var prior = Path.Combine(folder, "mllr_means");
            await tools.RunAsync(Path.Combine(AcousticAdaptation.ToolFolder, "mllr_transform"), ["-inmeanfn", Path.Combine(model, "means"),
                "-outmeanfn", prior, "-mllrmat", transform], ct);
            var mixtureWeights = Path.Combine(folder, "mixture_weights");
            await tools.RunAsync(Path.Combine(AcousticAdaptation.ToolFolder, "map_adapt"), ["-moddeffn", Path.Combine(model, "mdef.txt"), "-ts2cbfn", TiedStates(statistics),
                "-meanfn", prior, "-varfn", Path.Combine(model, "variances"), "-mixwfn", Path.Combine(model, "mixture_weights"),
                "-tmatfn", Path.Combine(model, "transition_matrices"), "-accumdir", AcousticAdaptation.AccumulatorList(statistics.AccumulatorFolders),
                "-mapmeanfn", Path.Combine(folder, "means"), "-mapvarfn", Path.Combine(folder, "variances"), "-mapmixwfn", mixtureWeights], ct);
            await tools.RunAsync(Path.Combine(AcousticAdaptation.ToolFolder, "mk_s2sendump"), ["-pocketsphinx", "yes", "-moddeffn", Path.Combine(model, "mdef.txt"),
                "-mixwfn", mixtureWeights, "-sendumpfn", Path.Combine(folder, "sendump")], ct);
            var bytes = FileNames.Sum(n => new FileInfo(Path.Combine(folder, n)).Length);
            return new(folder, $"MAP adaptation: the MLLR-moved en-us means, the variances and the mixture weights adapted to the training speakers " +
                $"with map_adapt on the MLLR pass's statistics ({bytes / 1e6:0.0} MB stored with the version if chosen).");
        }
        catch (Exception e) when (e is AdaptationToolException or IOException)
        {
            return new(null, Skipped + e.Message);
        }
    }

    private static string TiedStates(BaumWelchStatistics statistics)
    {
        var i = statistics.Model.BaumWelchArguments.ToList().IndexOf("-ts2cbfn");
        return i >= 0 ? statistics.Model.BaumWelchArguments[i + 1] : ".cont.";
    }
}
