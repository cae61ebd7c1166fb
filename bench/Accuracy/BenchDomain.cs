namespace Dashboard.Bench.Accuracy;

/// <summary>One domain's data for a run: typed transcripts and the WAV files the voices made of them.</summary>
public sealed record BenchFile(string Type, string WavPath, string Transcript, string Voice);

/// <summary>What one domain measured.</summary>
public sealed record DomainResult(string Domain, int TrainFiles, double TrainAudioHours, int TestFiles, double BaseWer, double CustomWer,
    double AccuracyImprovement, double TrainingSeconds, double? SttBaseWer, double? SttCustomWer)
{
    public double Ratio => BaseWer <= 0 ? 0 : CustomWer / BaseWer;
    public double SecondsPerAudioHour => TrainAudioHours <= 0 ? 0 : TrainingSeconds / TrainAudioHours;
}
