using System.ComponentModel.DataAnnotations;

namespace Dashboard.Server.Training;

public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>`sphinx` trains real models; `simulated` (made-up metrics, no recognizer) only when an operator or a test chooses it.</summary>
    [RegularExpression("^(simulated|sphinx)$")] public string Engine { get; set; } = Shared.Training.TrainingEngines.Sphinx;
    [Range(0, 10_000)] public double MinimumAudioHours { get; set; } = 5;
    [Range(0, 10_000)] public double IncludedHours { get; set; } = 10;
    [Range(0, 1_000_000)] public decimal PricePerExtraHour { get; set; } = 50;
    /// <summary>Quartz scheduler name; rows in the job store are keyed by it, so keep it stable per database.</summary>
    [Required] public string SchedulerName { get; set; } = "dashboard";
    public SimulationOptions Simulation { get; set; } = new();
}

public sealed class SimulationOptions
{
    /// <summary>A simulated run lasts at least this long.</summary>
    [Range(0, 86_400)] public double MinimumSeconds { get; set; } = 20;
    /// <summary>Pace: seconds of simulated training per hour of training audio.</summary>
    [Range(0, 86_400)] public double SecondsPerAudioHour { get; set; } = 3;

    /// <summary>
    /// When set, every simulated run reports this relative WER reduction instead of the seed's table by hours; a negative
    /// value makes a version worse than its base model (to show or test what happens to such a version).
    /// </summary>
    [Range(-100, 100)] public double? ImprovementPercent { get; set; }
}
