using Dashboard.Shared.Models;

namespace Dashboard.Server.Training;

/// <summary>
/// A model's serving version and its latest successful one: which version answers `custom_model_{id}`, which one is
/// held back because it is worse than the base model, and whose metrics the model shows.
/// </summary>
public sealed record ModelVersions(TrainingRun? Serving, TrainingRun? Latest)
{
    public static readonly ModelVersions None = new(null, null);

    /// <summary>The latest version when it is worse than the base model and does not serve: it waits for an admin.</summary>
    public TrainingRun? HeldBack => Latest is { IsWorseThanBase: true } latest && latest.Id != Serving?.Id ? latest : null;

    /// <summary>The version whose metrics the model shows: a held-back one (the news), else the serving one.</summary>
    public TrainingRun? Shown => HeldBack ?? Serving ?? Latest;

    /// <summary>What answers `custom_model_{id}`: `custom_model_{id}/v{n}`, the base model while no version serves, or nothing before a first version.</summary>
    public string? ServedBy(CustomModel model) => Serving is { } serving ? $"{CustomModel.NameOf(model.Id)}/v{serving.Version}"
        : Latest is not null ? model.BaseModel : null;

    public HeldBackVersionDto? HeldBackOf(CustomModel model) => HeldBack is { } run ? new HeldBackVersionDto(run.Version, HeldBackReasons.WorseThanBase,
        $"Version {run.Version} is worse than the base model on the test set ({run.WerAgainstBase}), "
        + $"so it does not serve: {CustomModel.NameOf(model.Id)} answers with {Describe(model)} until an admin chooses to serve version {run.Version}.") : null;

    private string Describe(CustomModel model) => Serving is { } serving ? $"version {serving.Version}" : $"the base model ({model.BaseModel})";
}
