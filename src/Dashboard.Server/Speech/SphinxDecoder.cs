using System.Runtime.InteropServices;
using static Dashboard.Server.Speech.PocketSphinxNative;

namespace Dashboard.Server.Speech;

/// <summary>
/// One in-process PocketSphinx decoder for one <see cref="RecognizerSpec"/>. Not thread-safe: one decode at a time
/// (the <see cref="DecoderPool"/> guarantees it). Audio is 16 kHz mono 16-bit PCM; long audio is decoded in
/// utterances cut at pauses (<see cref="UtteranceSplitter"/>), so word times stay exact.
/// </summary>
public sealed class SphinxDecoder : IDisposable
{
    public const int SampleRate = 16000;
    private const double SecondsPerFrame = 0.01;

    // Loading and freeing touch PocketSphinx's process-wide state (its log file, set by -logfn): two threads doing it
    // at once hung a training (per-model tuning loads candidates in parallel), so they take turns. Decoding does not.
    private static readonly Lock NativeSetup = new();

    private IntPtr decoder;

    public SphinxDecoder(SphinxOptions options, RecognizerSpec spec)
    {
        Spec = spec;
        lock (NativeSetup) Load(options, spec);
    }

    private void Load(SphinxOptions options, RecognizerSpec spec)
    {
        string[] arguments = ["-hmm", options.AcousticModelPath, "-dict", options.DictionaryPath, "-logfn", "/dev/null", "-remove_silence", "no"];
        arguments = [.. arguments, .. DecoderArgumentList.Merge(options.DecoderArguments, spec.Live ? options.LiveDecoderArguments : "")];
        if (spec.AcousticTransformPath is { } transform) arguments = [.. arguments, "-mllr", transform];
        if (spec.AdaptedAcousticModelFolder is { } adapted)
            arguments = [.. arguments, "-mean", Path.Combine(adapted, "means"), "-var", Path.Combine(adapted, "variances"), "-sendump", Path.Combine(adapted, "sendump")];
        arguments = [.. arguments, .. SearchArguments(spec)];
        var config = ParseConfig(arguments);
        try
        {
            decoder = ps_init(config);
            if (decoder == IntPtr.Zero) throw new InvalidOperationException($"PocketSphinx could not load the acoustic model in {options.AcousticModelPath}.");
            foreach (var p in spec.ExtraPronunciations)
            {
                if (ps_add_word(decoder, p.Word, p.Phones, 0) < 0)
                    throw new InvalidOperationException($"PocketSphinx rejected the pronunciation '{p.Word} {p.Phones}'.");
            }
            SetLanguageModel(config, options, spec);
        }
        catch
        {
            Dispose();
            throw;
        }
        finally
        {
            _ = cmd_ln_free_r(config); // the decoder holds its own reference
        }
    }

    public RecognizerSpec Spec { get; }

    /// <summary>PocketSphinx's default language weights of its three passes (-lw, -fwdflatlw, -bestpathlw).</summary>
    public const double DefaultLanguageWeight = 6.5;
    private const double FlatPassScale = 8.5 / DefaultLanguageWeight, BestPathScale = 9.5 / DefaultLanguageWeight;

    /// <summary>A tuned language weight scales all three passes alike; the word insertion penalty applies as given.</summary>
    private static IEnumerable<string> SearchArguments(RecognizerSpec spec)
    {
        static string Text(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        if (spec.LanguageWeight is { } weight)
        {
            yield return "-lw"; yield return Text(weight);
            yield return "-fwdflatlw"; yield return Text(weight * FlatPassScale);
            yield return "-bestpathlw"; yield return Text(weight * BestPathScale);
        }
        if (spec.WordInsertionPenalty is { } penalty)
        {
            yield return "-wip"; yield return Text(penalty);
        }
    }

    /// <summary>Memory this decoder holds, estimated: ~110 MB measured for the stock model, plus the domain model in memory.</summary>
    public long EstimatedBytes { get; private set; } = StockDecoderBytes;

    private const long StockDecoderBytes = 110L * 1024 * 1024;

    public Recognition Recognize(ReadOnlySpan<short> pcm)
    {
        ObjectDisposedException.ThrowIf(decoder == IntPtr.Zero, this);
        var words = new List<RecognizedWord>();
        if (ps_start_stream(decoder) < 0) throw new InvalidOperationException("PocketSphinx could not start a stream.");
        foreach (var (start, length) in UtteranceSplitter.Split(pcm, SampleRate))
        {
            if (UtteranceSplitter.IsSilent(pcm.Slice(start, length))) continue; // digital silence makes the search invent words
            words.AddRange(DecodeUtterance(pcm.Slice(start, length), (double)start / SampleRate));
        }
        return new Recognition(words, Math.Round((double)pcm.Length / SampleRate, 3));
    }

    private List<RecognizedWord> DecodeUtterance(ReadOnlySpan<short> pcm, double offsetSeconds)
    {
        StartUtterance();
        var processed = pcm.IsEmpty ? 0 : ps_process_raw(decoder, ref MemoryMarshal.GetReference(pcm), (nuint)pcm.Length, 0, 1);
        if (processed < 0) throw new InvalidOperationException("PocketSphinx could not decode the audio.");
        return EndUtterance(offsetSeconds);
    }

    /// <summary>Starts a live stream: the front end's noise estimate adapts from here on, across its utterances.</summary>
    public void StartStream()
    {
        ObjectDisposedException.ThrowIf(decoder == IntPtr.Zero, this);
        if (ps_start_stream(decoder) < 0) throw new InvalidOperationException("PocketSphinx could not start a stream.");
    }

    /// <summary>Incremental decoding: <see cref="StartUtterance"/>, then <see cref="Process"/> as audio arrives, <see cref="CurrentWords"/> for a partial hypothesis, and <see cref="EndUtterance"/>.</summary>
    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(decoder == IntPtr.Zero, this);
        if (ps_start_utt(decoder) < 0) throw new InvalidOperationException("PocketSphinx could not start an utterance.");
    }

    public void Process(ReadOnlySpan<short> pcm)
    {
        if (pcm.IsEmpty) return;
        if (ps_process_raw(decoder, ref MemoryMarshal.GetReference(pcm), (nuint)pcm.Length, 0, 0) < 0)
            throw new InvalidOperationException("PocketSphinx could not decode the audio.");
    }

    /// <summary>Ends the utterance (PocketSphinx runs its later passes over it) and gives its words, timed from <paramref name="offsetSeconds"/>.</summary>
    public List<RecognizedWord> EndUtterance(double offsetSeconds)
    {
        if (ps_end_utt(decoder) < 0) throw new InvalidOperationException("PocketSphinx could not decode the audio.");
        return CurrentWords(offsetSeconds);
    }

    /// <summary>The best hypothesis so far (partial while an utterance runs), its words timed from <paramref name="offsetSeconds"/>.</summary>
    public List<RecognizedWord> CurrentWords(double offsetSeconds)
    {
        var words = new List<RecognizedWord>();
        if (ps_get_hyp(decoder, out _) == IntPtr.Zero) return words;
        var logmath = ps_get_logmath(decoder);
        for (var segment = ps_seg_iter(decoder); segment != IntPtr.Zero; segment = ps_seg_next(segment))
        {
            var word = BaseWord(Marshal.PtrToStringUTF8(ps_seg_word(segment)));
            if (word is null) continue;
            ps_seg_frames(segment, out var first, out var last);
            var posterior = ps_seg_prob(segment, out _, out _, out _);
            var confidence = Math.Clamp(logmath_exp(logmath, posterior), 0, 1);
            words.Add(new RecognizedWord(word,
                Math.Round(offsetSeconds + first * SecondsPerFrame, 2),
                Math.Round(offsetSeconds + (last + 1) * SecondsPerFrame, 2),
                Math.Round(confidence, 4)));
        }
        return words;
    }

    /// <summary>Fillers (&lt;s&gt;, &lt;sil&gt;, [NOISE]) are dropped; "word(2)" (an alternate pronunciation) becomes "word".</summary>
    private static string? BaseWord(string? word)
    {
        if (string.IsNullOrEmpty(word) || word[0] is '<' or '[' or '+') return null;
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? word[..paren] : word;
    }

    /// <summary>The stock model alone, or a set interpolating the added models with it (the stock model gets the remaining weight).</summary>
    private void SetLanguageModel(IntPtr config, SphinxOptions options, RecognizerSpec spec)
    {
        var logmath = ps_get_logmath(decoder);
        var models = new List<IntPtr>();
        try
        {
            foreach (var path in spec.AddedLanguageModels.Select(m => m.Path).Append(options.LanguageModelPath))
            {
                var model = ngram_model_read(config, path, 0, logmath);
                if (model == IntPtr.Zero) throw new InvalidOperationException($"PocketSphinx could not read the language model {Path.GetFileName(path)}.");
                models.Add(model);
            }
            EstimatedBytes += 4 * spec.AddedLanguageModels.Sum(m => new FileInfo(m.Path).Length);
            var weights = spec.AddedLanguageModels.Select(m => (float)m.Weight).ToList();
            weights.Add(1 - weights.Sum());
            var active = models.Count == 1 ? models[0] : Interpolate(config, models, weights);
            var set = ps_set_lm(decoder, "model", active);
            if (models.Count > 1) _ = ngram_model_free(active); // the search holds its own reference
            if (set < 0 || ps_set_search(decoder, "model") < 0) throw new InvalidOperationException("PocketSphinx could not activate the language model.");
        }
        finally
        {
            foreach (var model in models) _ = ngram_model_free(model); // the set or the search holds its own references
        }
    }

    private static IntPtr Interpolate(IntPtr config, List<IntPtr> models, List<float> weights)
    {
        if (weights[^1] <= 0) throw new InvalidOperationException("The added language models leave no weight to the stock model.");
        var names = models.Select((_, i) => Marshal.StringToCoTaskMemUTF8($"lm{i}")).ToArray();
        try
        {
            var set = ngram_model_set_init(config, [.. models], names, [.. weights], models.Count);
            return set != IntPtr.Zero ? set : throw new InvalidOperationException("PocketSphinx could not interpolate the language models.");
        }
        finally
        {
            foreach (var name in names) Marshal.FreeCoTaskMem(name);
        }
    }

    private static IntPtr ParseConfig(params string[] arguments)
    {
        var argv = arguments.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            var config = cmd_ln_parse_r(IntPtr.Zero, ps_args(), argv.Length, argv, 1);
            return config != IntPtr.Zero ? config : throw new InvalidOperationException("PocketSphinx rejected its configuration.");
        }
        finally
        {
            foreach (var a in argv) Marshal.FreeCoTaskMem(a);
        }
    }

    public void Dispose()
    {
        lock (NativeSetup)
        {
            if (decoder != IntPtr.Zero) _ = ps_free(decoder);
            decoder = IntPtr.Zero;
        }
    }
}
