using Dashboard.Server.Data;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Training.Sphinx.Tuning;
using Dashboard.Tests.Infrastructure;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>MLLR is estimated on all fitted recordings up to Sphinx:AdaptationSeconds, beyond that on a sample that holds every voice.</summary>
[Trait("Category", "unit")]
public sealed class AdaptationSampleTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("adaptation-sample-");

    [Fact]
    public void UpToTheLimit_EveryFittedRecordingIsUsed()
    {
        var fit = Recordings(6, seconds: 30);

        Assert.Equal(fit, AdaptationSample.Take(fit, [fit.Take(3), fit.Skip(3)], maxSeconds: 180));
    }

    [Fact]
    public void BeyondTheLimit_ASampleOfAboutThatLength_TakesFromEverySpeakerGroupInTurn()
    {
        var fit = Recordings(60, seconds: 30);
        IEnumerable<PreparedUtterance>[] groups = [fit.Take(40), fit.Skip(40).Take(15), fit.Skip(55)]; // 40, 15 and 5 recordings

        var sample = AdaptationSample.Take(fit, groups, maxSeconds: 600);

        Assert.Equal(20, sample.Count); // 600 s of 30 s recordings
        Assert.Equal(5, sample.Count(u => groups[2].Contains(u))); // the small group gives all it has
        Assert.True(sample.Count(u => groups[0].Contains(u)) is >= 7 and <= 8);
        Assert.Equal(sample, fit.Where(sample.Contains)); // in upload order
    }

    [Fact]
    public void HeldOutRecordings_AreNeverInTheSample()
    {
        var all = Recordings(30, seconds: 30);
        var fit = all.Where((_, i) => i % 3 != 0).ToList();

        var sample = AdaptationSample.Take(fit, [all.Take(15), all.Skip(15)], maxSeconds: 300);

        Assert.Equal(10, sample.Count);
        Assert.All(sample, u => Assert.Contains(u, fit));
    }

    private List<PreparedUtterance> Recordings(int count, double seconds) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var path = Path.Combine(folder, $"{i:000}.pcm");
            File.WriteAllBytes(path, new byte[(int)(seconds * 16000) * 2]);
            var file = new DataFile { Type = "train", AudioFileName = $"{i}.wav", AudioBlob = "", TranscriptFileName = $"{i}.txt", TranscriptBlob = "", Format = "wav" };
            return new PreparedUtterance(file, path, ["words"]);
        })];

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
