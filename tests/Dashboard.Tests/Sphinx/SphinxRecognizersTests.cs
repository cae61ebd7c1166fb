using Dashboard.Server.Training;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Transcription;
using Xunit;
using Dashboard.Server.Speech;

namespace Dashboard.Tests.Sphinx;

[Trait("Category", "sphinx")]
public sealed class SphinxRecognizersTests
{
    [Theory]
    [InlineData("nl")]
    [InlineData("de")]
    public void OtherLanguages_GetAClearError_FromTheSphinxEngine(string language)
    {
        var error = Assert.Throws<TrainingFailedException>(() =>
            SphinxRecognizers.EnsureSupported(language, "general", message => new TrainingFailedException(message)));
        Assert.Contains("English ('en') only", error.Message);
        Assert.Contains($"'{language}'", error.Message);
    }

    [Theory]
    [InlineData("general")]
    [InlineData("medical")]
    [InlineData("legal")]
    [InlineData("technical")]
    public void TheFourBaseModels_AreServed_InEnglish(string baseModel) =>
        SphinxRecognizers.EnsureSupported("en", baseModel, message => new TrainingFailedException(message));

    [Theory]
    [InlineData(null, null)]
    [InlineData("nova-3", "general")]
    [InlineData("enhanced", "general")]
    [InlineData("whisper-large", "general")]
    [InlineData("medical", "medical")]
    [InlineData("custom_model_12", "custom_model_12")]
    [InlineData("something-else", "something-else")]
    public void DeepgramModelNames_MapToAGeneralModel_AndOursPassThrough(string? requested, string? expected) =>
        Assert.Equal(expected, DeepgramModelNames.ToOurs(requested));
}
