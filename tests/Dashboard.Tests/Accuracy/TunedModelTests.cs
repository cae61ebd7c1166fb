using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Server.Evaluation;
using Dashboard.Server.Persistence;
using Dashboard.Server.Speech.Text;
using Dashboard.Server.Speech;
using Dashboard.Tests.Sphinx;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>The shared trained cardiology model: what tuning chose, where it is kept, and whether the reported gain holds through /api/v3/stt.</summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed partial class TunedModelTests(TrainedCardiologyModel trained)
{
    [Fact]
    public async Task Tuning_NeverChoosesASettingWorseThanTheBase_OnHeldOutData_AndTheManifestKeepsTheChoice()
    {
        var log = await trained.Client.GetStringAsync($"/api/v3/custom_models/{trained.ModelId}/log?format=text");
        var choice = TuningLine().Match(log);
        Assert.True(choice.Success, $"no tuning choice in the log:\n{log}");
        var (tuned, baseline) = (Number(choice.Groups["tuned"].Value), Number(choice.Groups["base"].Value));
        Assert.True(tuned <= baseline, $"tuning chose a held-out WER of {tuned}% over the base model's {baseline}%");
        Assert.Matches(@"Tuning: held-out WER [\d.]+% with the base model", log);

        using var scope = trained.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var run = await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.ModelId == trained.ModelId);
        var manifest = await scope.ServiceProvider.GetRequiredService<SphinxArtifactStore>().ReadManifestAsync(run.ArtifactBlob!, CancellationToken.None);
        Assert.Equal(Number(choice.Groups["weight"].Value), manifest.DomainWeight);
        if (choice.Groups["map"].Success) Assert.NotNull(manifest.AdaptedAcousticModel); // the MAP model carries the transform in its means
        else
        {
            Assert.Equal(choice.Groups["mllr"].Value == "on", manifest.AcousticTransform is not null);
            Assert.Null(manifest.AdaptedAcousticModel);
        }
        Assert.Contains(choice.Value, manifest.Tuning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportedAccuracyImprovement_AgreesWithinFivePoints_WithWerMeasuredFromSttOutput()
    {
        var model = await SphinxApiCalls.GetJsonAsync(trained.Client, $"/api/v3/custom_models/{trained.ModelId}");
        var reported = model.GetProperty("training_metrics").GetProperty("accuracy_improvement").GetDouble();
        var (baseErrors, customErrors) = (ErrorCounts.None, ErrorCounts.None);
        foreach (var file in trained.TestFiles)
        {
            var baseText = (await SphinxApiCalls.TranscribeAsync(trained.Client, "medical", file.WavPath)).Transcript;
            var customText = (await SphinxApiCalls.TranscribeAsync(trained.Client, trained.CustomModel, file.WavPath)).Transcript;
            baseErrors = baseErrors.Add(ErrorAlignment.Words(file.Reference, TranscriptNormalizer.Normalize(baseText)));
            customErrors = customErrors.Add(ErrorAlignment.Words(file.Reference, TranscriptNormalizer.Normalize(customText)));
        }
        var measured = (baseErrors.RatePercent - customErrors.RatePercent) / baseErrors.RatePercent * 100;
        Assert.True(Math.Abs(measured - reported) <= 5,
            $"reported {reported:0.0}%, measured from /api/v3/stt {measured:0.0}% (base {baseErrors.RatePercent:0.0}%, custom {customErrors.RatePercent:0.0}%)");
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Tuning chose domain LM weight (?<weight>[\d.]+),.*?(?:MLLR (?<mllr>on|off)|acoustic model (?<map>MAP)-adapted \(MLLR included\)): held-out WER (?<tuned>[\d.]+)% against (?<base>[\d.]+)% for the base model")]
    private static partial Regex TuningLine();
}
