using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Speech;

/// <summary>The `Sphinx` configuration section: where the stock model lives and how decoders are pooled.</summary>
public sealed class SphinxOptions
{
    public const string Section = "Sphinx";

    /// <summary>Folder with `en-us/` (acoustic model), `en-us.lm.bin` and `cmudict-en-us.dict`.</summary>
    [Required] public string ModelRoot { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>
    /// Weight of the domain language model when it is interpolated with the stock one (the stock model gets the rest),
    /// used when a run has too few recordings to tune it on held-out data (see <see cref="TuningSeconds"/>).
    /// </summary>
    [Range(0.01, 0.99)] public double DomainWeight { get; set; } = 0.9;

    /// <summary>Weight of a base model's built-in vocabulary (medical, legal, technical) interpolated with the stock language model; 0 turns it off.</summary>
    [Range(0, 0.2)] public double BaseVocabularyWeight { get; set; } = 0.01;

    /// <summary>Weight of a request's keyword model (keywords/keyterm) at intensifier 1; it scales with the intensifier, up to 0.3.</summary>
    [Range(0.001, 0.3)] public double KeywordWeight { get; set; } = 0.05;

    /// <summary>
    /// Audio of held-out training recordings (whole speaker groups) on which each model's decoder settings are chosen;
    /// more is steadier and slower (each candidate decodes it once). 0 turns tuning off.
    /// </summary>
    [Range(0, 36_000)] public int TuningSeconds { get; set; } = 180;

    /// <summary>Training recordings longer than this are cut into utterances by aligning their transcript to the audio.</summary>
    [Range(5, 86_400)] public int SegmentAboveSeconds { get; set; } = 60;

    /// <summary>Adapt the acoustic model to the training audio (MLLR with sphinxtrain) when the tools are installed.</summary>
    public bool AcousticAdaptation { get; set; } = true;

    /// <summary>
    /// Audio the MLLR transform is estimated on at most: with more training audio, a sample this long across all speaker
    /// groups (a global transform needs no more; bw's time grows with the audio it aligns).
    /// </summary>
    [Range(60, 360_000)] public int AdaptationSeconds { get; set; } = 1800;

    /// <summary>
    /// When the test recordings sound like training speakers, also try a MAP-adapted acoustic model (kept only if it lowers
    /// the held-out WER); needs <see cref="AcousticAdaptation"/>.
    /// </summary>
    public bool MapAdaptation { get; set; } = true;

    /// <summary>Decodes that may run at once; default one per core.</summary>
    [Range(0, 256)] public int MaxConcurrentDecodes { get; set; }

    /// <summary>
    /// Work one training runs at once: audio conversions, feature extraction and Baum-Welch processes, alignment, tuning and
    /// test-set decoders (each decoder holds about 110 MB). 0: one per core.
    /// </summary>
    [Range(0, 256)] public int TrainingParallelism { get; set; }

    /// <summary>Upper bound on the memory held by warm decoders; idle ones are released, least recently used first.</summary>
    [Range(64, 1_000_000)] public int MaxDecoderMemoryMegabytes { get; set; } = 1024;

    /// <summary>
    /// Extra PocketSphinx decoder arguments. The default caps the active HMMs and words per frame: measured here, the same WER
    /// as PocketSphinx's defaults on the LibriVox test files and the cardiology test set, with about 30% less CPU.
    /// </summary>
    public string DecoderArguments { get; set; } = "-maxhmmpf 5000 -maxwpf 10";

    /// <summary>
    /// What live-stream decoders (/v1/listen over WebSocket) use over <see cref="DecoderArguments"/> (same names replaced).
    /// A stream's final waits for the passes PocketSphinx runs when the utterance ends: without the flat second pass,
    /// which re-searched the whole utterance after the endpoint, measured here: about a third less CPU, WER +1.6 points
    /// on the trained cardiology model's test set and no worse on LibriVox. Tighter pruning (-maxhmmpf 3000, -topn 2)
    /// cost a custom model 6-10 points there.
    /// </summary>
    public string LiveDecoderArguments { get; set; } = "-fwdflat no";

    /// <summary>Time allowed for one external tool call (ffmpeg, espeak-ng, sphinx_lm_convert).</summary>
    [Range(1, 86_400)] public int ToolTimeoutSeconds { get; set; } = 600;

    public string AcousticModelPath => Path.Combine(ModelRoot, "en-us");
    public string DictionaryPath => Path.Combine(ModelRoot, "cmudict-en-us.dict");
    public string LanguageModelPath => Path.Combine(ModelRoot, "en-us.lm.bin");
    public int DecodeSlots => MaxConcurrentDecodes > 0 ? MaxConcurrentDecodes : Environment.ProcessorCount;
    public int TrainingSlots => TrainingParallelism > 0 ? TrainingParallelism : Environment.ProcessorCount;

    /// <summary>How a training's independent pieces of work run at once: <see cref="TrainingSlots"/> at a time.</summary>
    public ParallelOptions TrainingWork(CancellationToken ct) => new() { MaxDegreeOfParallelism = TrainingSlots, CancellationToken = ct };
}
