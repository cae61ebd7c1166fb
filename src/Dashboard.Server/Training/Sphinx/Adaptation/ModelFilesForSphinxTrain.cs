using Dashboard.Server.Storage;
using Dashboard.Server.Speech;
using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx.Adaptation;

/// <summary>A working copy of the acoustic model in the form sphinxtrain reads, and the bw arguments that match it.</summary>
public sealed record SphinxTrainModel(string Folder, IReadOnlyList<string> BaumWelchArguments, bool RebuiltMixtureWeights);

/// <summary>
/// Copies the stock acoustic model into a folder sphinxtrain can use: a text mdef (pocketsphinx_mdef_convert), and
/// mixture_weights (copied, or rebuilt from sendump by <see cref="SendumpConverter"/>). The bw feature arguments
/// come from the model's feat.params, so statistics are collected on the features the decoder computes.
/// </summary>
public sealed class ModelFilesForSphinxTrain(IOptions<SphinxOptions> options)
{
    private static readonly string[] Copied = ["means", "variances", "transition_matrices", "noisedict", "feat.params"];

    public async Task<SphinxTrainModel> PrepareAsync(string folder, CancellationToken ct)
    {
        var source = options.Value.AcousticModelPath;
        Directory.CreateDirectory(folder);
        foreach (var name in Copied)
        {
            if (!File.Exists(Path.Combine(source, name))) throw new AdaptationToolException($"the acoustic model has no {name} file.");
            File.Copy(Path.Combine(source, name), Path.Combine(folder, name), overwrite: true);
        }
        var rebuilt = !File.Exists(Path.Combine(source, "mixture_weights"));
        if (!rebuilt) File.Copy(Path.Combine(source, "mixture_weights"), Path.Combine(folder, "mixture_weights"), overwrite: true);
        else if (File.Exists(Path.Combine(source, "sendump"))) SendumpConverter.WriteMixtureWeights(Path.Combine(source, "sendump"), Path.Combine(folder, "mixture_weights"));
        else throw new AdaptationToolException("the acoustic model has neither mixture_weights nor sendump.");

        var mdef = Path.Combine(folder, "mdef.txt");
        var convert = await ProcessRunner.RunAsync("pocketsphinx_mdef_convert", ["-text", Path.Combine(source, "mdef"), mdef], TimeSpan.FromMinutes(2), ct);
        if (convert.ExitCode != 0 || !File.Exists(mdef)) throw new AdaptationToolException("pocketsphinx_mdef_convert could not write a text mdef.");
        return new SphinxTrainModel(folder, BaumWelchArguments(folder, await File.ReadAllLinesAsync(Path.Combine(folder, "feat.params"), ct)), rebuilt);
    }

    /// <summary>-feat, -svspec, -cmn, -agc, -varnorm from feat.params (sphinxtrain calls batch CMN "current"), and the model files.</summary>
    public static IReadOnlyList<string> BaumWelchArguments(string folder, IEnumerable<string> featParams)
    {
        var parameters = featParams.Select(l => l.Trim().Split(' ', 2, StringSplitOptions.TrimEntries)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        var arguments = new List<string> { "-hmmdir", folder, "-moddeffn", Path.Combine(folder, "mdef.txt") };
        arguments.AddRange(["-ts2cbfn", parameters.GetValueOrDefault("-model") switch { "ptm" => ".ptm.", "semi" => ".semi.", _ => ".cont." }]);
        arguments.AddRange(["-feat", parameters.GetValueOrDefault("-feat", "1s_c_d_dd")]);
        if (parameters.TryGetValue("-svspec", out var svspec)) arguments.AddRange(["-svspec", svspec]);
        arguments.AddRange(["-cmn", parameters.GetValueOrDefault("-cmn", "batch") == "batch" ? "current" : parameters["-cmn"]]);
        arguments.AddRange(["-agc", parameters.GetValueOrDefault("-agc", "none")]);
        arguments.AddRange(["-varnorm", parameters.GetValueOrDefault("-varnorm", "no")]);
        return arguments;
    }
}
