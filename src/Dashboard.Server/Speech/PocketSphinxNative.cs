using System.Runtime.InteropServices;

namespace Dashboard.Server.Speech;

/// <summary>
/// The few entry points of CMU PocketSphinx 5prealpha (libpocketsphinx.so.3) and SphinxBase (libsphinxbase.so.3)
/// that the in-process decoder needs. Every pointer is opaque; ownership rules are noted where they matter.
/// </summary>
internal static partial class PocketSphinxNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    [DllImport(PocketSphinx)] public static extern IntPtr ps_args();
    [DllImport(PocketSphinx)] public static extern IntPtr ps_init(IntPtr config);
    [DllImport(PocketSphinx)] public static extern int ps_free(IntPtr decoder);
    [DllImport(PocketSphinx)] public static extern IntPtr ps_get_logmath(IntPtr decoder);
    /// <summary>Resets the front end's adaptive state (noise estimate): each recognition then starts like a fresh decoder.</summary>
    [DllImport(PocketSphinx)] public static extern int ps_start_stream(IntPtr decoder);
    [DllImport(PocketSphinx)] public static extern int ps_start_utt(IntPtr decoder);
    [DllImport(PocketSphinx)] public static extern int ps_end_utt(IntPtr decoder);
    [DllImport(PocketSphinx)] public static extern int ps_process_raw(IntPtr decoder, ref short data, nuint samples, int noSearch, int fullUtterance);
    [DllImport(PocketSphinx)] public static extern IntPtr ps_get_hyp(IntPtr decoder, out int bestScore);
    [DllImport(PocketSphinx)] public static extern IntPtr ps_seg_iter(IntPtr decoder);
    [DllImport(PocketSphinx)] public static extern IntPtr ps_seg_next(IntPtr segment);
    [DllImport(PocketSphinx)] public static extern IntPtr ps_seg_word(IntPtr segment);
    [DllImport(PocketSphinx)] public static extern void ps_seg_frames(IntPtr segment, out int startFrame, out int endFrame);
    [DllImport(PocketSphinx)] public static extern int ps_seg_prob(IntPtr segment, out int acoustic, out int language, out int languageBackoff);
    [DllImport(PocketSphinx)] public static extern void ps_seg_free(IntPtr segment);
    [DllImport(PocketSphinx, BestFitMapping = false)] public static extern int ps_add_word(IntPtr decoder, [MarshalAs(UnmanagedType.LPUTF8Str)] string word, [MarshalAs(UnmanagedType.LPUTF8Str)] string phones, int update);

    /// <summary>The search keeps its own reference to <paramref name="languageModel"/>: release yours afterwards.</summary>
    [DllImport(PocketSphinx, BestFitMapping = false)] public static extern int ps_set_lm(IntPtr decoder, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, IntPtr languageModel);
    [DllImport(PocketSphinx, BestFitMapping = false)] public static extern int ps_set_search(IntPtr decoder, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(SphinxBase)] public static extern IntPtr cmd_ln_parse_r(IntPtr existing, IntPtr definitions, int argc, IntPtr[] argv, int strict);
    [DllImport(SphinxBase)] public static extern int cmd_ln_free_r(IntPtr config);
    [DllImport(SphinxBase)] public static extern double logmath_exp(IntPtr logmath, int value);

    /// <summary>File type 0 is NGRAM_AUTO (ARPA or binary, by content).</summary>
    [DllImport(SphinxBase, BestFitMapping = false)] public static extern IntPtr ngram_model_read(IntPtr config, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int fileType, IntPtr logmath);
    [DllImport(SphinxBase)] public static extern int ngram_model_free(IntPtr model);

    /// <summary>The set keeps its own references to the models: release yours afterwards.</summary>
    [DllImport(SphinxBase)] public static extern IntPtr ngram_model_set_init(IntPtr config, IntPtr[] models, IntPtr[] names, float[] weights, int count);
}
