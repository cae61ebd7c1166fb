using Microsoft.Extensions.Options;

namespace Dashboard.Server.Training.Sphinx;

/// <summary>
/// Whether the installed acoustic model can be adapted with sphinxtrain (MLLR). sphinxtrain's bw collects the
/// statistics from the model's mixture weights; the Debian en-us model ships them only in the decoder's compressed
/// form (sendump), so bw cannot run on it and the run adapts the language model and lexicon only.
/// </summary>
public sealed class AcousticAdaptation(IOptions<SphinxOptions> options)
{
    public const string BaumWelchTool = "/usr/lib/sphinxtrain/bw";

    public string Describe()
    {
        var model = options.Value.AcousticModelPath;
        if (!File.Exists(Path.Combine(model, "mixture_weights")))
            return "Acoustic adaptation (MLLR) skipped: the installed en-us model has no mixture_weights file (it ships sendump), " +
                "which sphinxtrain's bw needs to collect adaptation statistics; the language model and lexicon carry the adaptation.";
        if (!File.Exists(BaumWelchTool))
            return "Acoustic adaptation (MLLR) skipped: sphinxtrain is not installed (apt-get install sphinxtrain).";
        return "Acoustic adaptation (MLLR) skipped: this version adapts the language model and lexicon only.";
    }
}
