namespace Dashboard.Bench.Accuracy;

/// <summary>One domain's data for a run: typed transcripts and the WAV files the voices made of them.</summary>
public sealed record BenchFile(string Type, string WavPath, string Transcript, string Voice);

/// <summary>Word errors of one test recording (all its sentences) with the base and the custom model.</summary>
public sealed record RecordingErrors(int Words, int BaseErrors, int CustomErrors);

/// <summary>What one domain measured; <see cref="Kind"/> says where its text came from ("independent text" or "template").</summary>
public sealed record DomainResult(string Domain, string Kind, int TrainFiles, double TrainAudioHours, int TestFiles, double BaseWer, double CustomWer,
    double AccuracyImprovement, ResourceUse Training, double? SttBaseWer, double? SttCustomWer, IReadOnlyList<RecordingErrors> Recordings)
{
    public double Ratio => BaseWer <= 0 ? 0 : CustomWer / BaseWer;
    public double SecondsPerAudioHour => TrainAudioHours <= 0 ? 0 : Training.WallSeconds / TrainAudioHours;
    public double CpuSecondsPerAudioHour => TrainAudioHours <= 0 ? 0 : Training.CpuSeconds / TrainAudioHours;
    public int TestWords => Recordings.Sum(r => r.Words);
    public Interval BaseInterval => Bootstrap.Wer(Recordings, r => r.BaseErrors);
    public Interval CustomInterval => Bootstrap.Wer(Recordings, r => r.CustomErrors);
    public Interval RatioInterval => Bootstrap.Ratio(Recordings);
}
