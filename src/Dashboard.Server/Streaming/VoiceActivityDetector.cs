using Dashboard.Server.Speech.Segmentation;

namespace Dashboard.Server.Streaming;

/// <summary>
/// Tells speech from silence in 10 ms frames of live 16 kHz audio, from their level against a running noise floor:
/// the floor follows quieter frames at once and louder ones slowly (3 dB a second), so background noise is learnt and
/// speech is not. A frame is voiced <see cref="SpeechAboveFloorDb"/> above the floor (and above
/// <see cref="AbsoluteFloorDb"/>); speech starts after <see cref="OnsetFrames"/> voiced frames in a row.
/// </summary>
public sealed class VoiceActivityDetector
{
    public const int FrameSamples = PauseDetector.FrameSamples;
    public const double SpeechAboveFloorDb = 15;
    public const double AbsoluteFloorDb = -55;
    public const int OnsetFrames = 3;
    private const double FloorRisePerFrame = 0.03;
    private const double FloorRisePerFrameAtStart = 0.3; // learn a noisy room within the first second
    private const int StartFrames = 100;

    private double floor = -60;
    private int voicedRun;
    private int frames;

    public bool InSpeech { get; private set; }

    /// <summary>Consecutive unvoiced frames since the last voiced one.</summary>
    public int SilentFrames { get; private set; }

    /// <summary>Classifies one frame; true when speech started on it.</summary>
    public bool Push(ReadOnlySpan<short> frame)
    {
        var level = PauseDetector.LevelDb(frame);
        floor = level < floor ? level : floor + (frames++ < StartFrames ? FloorRisePerFrameAtStart : FloorRisePerFrame);
        var voiced = level > Math.Max(floor + SpeechAboveFloorDb, AbsoluteFloorDb);
        voicedRun = voiced ? voicedRun + 1 : 0;
        SilentFrames = voiced ? 0 : SilentFrames + 1;
        if (InSpeech || voicedRun < OnsetFrames) return false;
        InSpeech = true;
        return true;
    }

    /// <summary>The speaker stopped: the next voiced run starts new speech.</summary>
    public void EndSpeech() => InSpeech = false;
}
