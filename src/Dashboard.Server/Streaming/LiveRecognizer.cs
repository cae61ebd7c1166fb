using Dashboard.Server.Speech;

namespace Dashboard.Server.Streaming;

/// <summary>What a live recognizer reports, in stream order.</summary>
public abstract record LiveEvent;

/// <summary>Words of the window [Start, End) of the stream; interim ones may still change.</summary>
public sealed record LiveResult(IReadOnlyList<RecognizedWord> Words, double Start, double End, bool IsFinal, bool SpeechFinal, bool FromFinalize) : LiveEvent;

public sealed record LiveSpeechStarted(double Timestamp) : LiveEvent;

public sealed record LiveUtteranceEnd(double LastWordEnd) : LiveEvent;

/// <summary>
/// Incremental recognition of one live stream of 16 kHz mono PCM on one decoder: a <see cref="VoiceActivityDetector"/>
/// starts an utterance when speech begins (with the <see cref="PrerollSeconds"/> before it), the decoder takes the
/// audio as it arrives, a partial hypothesis is read every <see cref="InterimSeconds"/> (interim results), and the
/// utterance ends after the endpointing silence (a final result with speech_final), at <see cref="MaxUtteranceSeconds"/>,
/// on Finalize, or when the stream closes. Word times count from the start of the stream. Not thread-safe.
/// </summary>
public sealed class LiveRecognizer : IDisposable
{
    public const double PrerollSeconds = 0.3;
    public const double InterimSeconds = 0.5;
    public const double MaxUtteranceSeconds = UtteranceSplitter.MaxSeconds;
    /// <summary>Without endpointing, utterances still end at pauses this long (no speech_final), so results keep coming.</summary>
    public const int PauseWithoutEndpointingMs = 800;

    private const int Rate = SphinxDecoder.SampleRate;
    private const int Frame = VoiceActivityDetector.FrameSamples;
    private const int PrerollFrames = (int)(PrerollSeconds * 100);

    private readonly SphinxDecoder decoder;
    private readonly StreamOptions options;
    private readonly VoiceActivityDetector vad = new();
    private readonly Queue<short[]> preroll = new();
    private readonly List<short> feed = [];
    private readonly short[] partial = new short[Frame];
    private int partialLength;
    private long position, utteranceStart, lastInterim;
    private double windowStart;
    private bool inUtterance, utteranceHasWords, utteranceEndSent = true;
    private double? lastWordEnd;
    private string lastInterimText = "";

    public LiveRecognizer(SphinxDecoder decoder, StreamOptions options)
    {
        this.decoder = decoder;
        this.options = options;
        decoder.StartStream();
    }

    /// <summary>Every final word so far, in order.</summary>
    public List<RecognizedWord> FinalWords { get; } = [];

    public double Seconds => (double)position / Rate;

    public void Accept(ReadOnlySpan<short> pcm, List<LiveEvent> events)
    {
        while (!pcm.IsEmpty)
        {
            var take = Math.Min(Frame - partialLength, pcm.Length);
            pcm[..take].CopyTo(partial.AsSpan(partialLength));
            partialLength += take;
            pcm = pcm[take..];
            if (partialLength < Frame) break;
            partialLength = 0;
            OnFrame(partial, events);
        }
        FeedDecoder();
        if (inUtterance && options.InterimResults && position - lastInterim >= InterimSeconds * Rate) Interim(events);
        CheckUtteranceEnd(events);
    }

    /// <summary>Finalize: the utterance so far becomes final now (from_finalize).</summary>
    public void Finalize(List<LiveEvent> events) => EndUtterance(events, speechFinal: false, fromFinalize: true);

    /// <summary>The stream ends: what is still open becomes final.</summary>
    public void Close(List<LiveEvent> events)
    {
        if (inUtterance) EndUtterance(events, speechFinal: false, fromFinalize: false);
    }

    private void OnFrame(short[] frame, List<LiveEvent> events)
    {
        var started = vad.Push(frame);
        position += Frame;
        if (!inUtterance)
        {
            var kept = preroll.Count == PrerollFrames ? preroll.Dequeue() : new short[Frame]; // silence allocates nothing once the preroll is full
            frame.CopyTo(kept, 0);
            preroll.Enqueue(kept);
            if (started) StartUtterance(events);
            return;
        }
        feed.AddRange(frame);
        var silenceMs = vad.SilentFrames * 10;
        if (options.EndpointingMs is { } endpointing && silenceMs >= endpointing)
            EndUtterance(events, speechFinal: true, fromFinalize: false);
        else if ((options.EndpointingMs is null && silenceMs >= PauseWithoutEndpointingMs) || position - utteranceStart >= MaxUtteranceSeconds * Rate)
            EndUtterance(events, speechFinal: false, fromFinalize: false);
    }

    private void StartUtterance(List<LiveEvent> events)
    {
        decoder.StartUtterance();
        inUtterance = true;
        utteranceHasWords = false;
        lastInterimText = "";
        utteranceStart = position - preroll.Count * Frame;
        lastInterim = position;
        foreach (var frame in preroll) feed.AddRange(frame);
        preroll.Clear();
        if (options.VadEvents) events.Add(new LiveSpeechStarted(Math.Round((double)(position - VoiceActivityDetector.OnsetFrames * Frame) / Rate, 3)));
    }

    private void Interim(List<LiveEvent> events)
    {
        lastInterim = position;
        var words = decoder.CurrentWords((double)utteranceStart / Rate);
        utteranceHasWords = words.Count > 0;
        var text = string.Join(' ', words.Select(w => w.Word));
        if (text.Length == 0 || text == lastInterimText) return;
        lastInterimText = text;
        events.Add(new LiveResult(words, windowStart, Seconds, IsFinal: false, SpeechFinal: false, FromFinalize: false));
    }

    private void EndUtterance(List<LiveEvent> events, bool speechFinal, bool fromFinalize)
    {
        FeedDecoder();
        List<RecognizedWord> words = [];
        if (inUtterance) words = decoder.EndUtterance((double)utteranceStart / Rate);
        inUtterance = false;
        vad.EndSpeech();
        events.Add(new LiveResult(words, windowStart, Seconds, IsFinal: true, speechFinal, fromFinalize));
        windowStart = Seconds;
        if (words.Count == 0) return;
        FinalWords.AddRange(words);
        lastWordEnd = words[^1].End;
        utteranceEndSent = false;
    }

    private void CheckUtteranceEnd(List<LiveEvent> events)
    {
        if (options.UtteranceEndMs is not { } gapMs || utteranceEndSent || lastWordEnd is not { } end) return;
        if (inUtterance && (utteranceHasWords || !options.InterimResults)) return; // words may be on their way
        if ((Seconds - end) * 1000 < gapMs) return;
        utteranceEndSent = true;
        events.Add(new LiveUtteranceEnd(end));
    }

    private void FeedDecoder()
    {
        if (feed.Count == 0) return;
        decoder.Process(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(feed));
        feed.Clear();
    }

    /// <summary>A stream that broke off leaves no utterance open on the pooled decoder.</summary>
    public void Dispose()
    {
        if (!inUtterance) return;
        inUtterance = false;
        decoder.EndUtterance(0);
    }
}
