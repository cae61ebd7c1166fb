using Dashboard.Server.Data;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Training.Sphinx.Tuning;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>Which training recordings tuning holds out: whole speaker groups, spread over unlike voices, within the audio budget.</summary>
public sealed class HeldOutSplitTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("held-out-").FullName;

    [Fact]
    public void SpreadOrder_TakesTheSmallestGroupFirst_ThenTheVoicesLeastLikeThoseTaken()
    {
        // Signatures on a line: groups A near 0, B near 1, C near 10 (the odd one out), D near 2.
        double[][] signatures = [[0], [0.1], [1], [1.1], [1.2], [10], [10.1], [2], [2.1]];
        List<List<int>> groups = [[2, 3, 4], [0, 1], [5, 6], [7, 8]];
        var order = SpeakerGroups.SpreadOrder(groups, signatures);
        Assert.Equal([[0, 1], [5, 6], [7, 8], [2, 3, 4]], order);
    }

    [Fact]
    public void Choose_HoldsOutUpToThreeGroups_WithAnEqualShare_AndKeepsTheRestForFitting()
    {
        var train = Enumerable.Range(0, 40).Select(i => Utterance(i, seconds: 10)).ToList();
        var groups = Enumerable.Range(0, 5).Select(g => Enumerable.Range(g * 8, 8).ToList()).ToList();
        var split = HeldOutSplit.Choose(train, groups, maxSeconds: 90);
        Assert.Equal(3, split.HeldOutGroups.Count);
        Assert.All(split.HeldOutGroups, g => Assert.Equal(3, g.Count)); // 30 s each of the 90 s budget (a fifth would be 8)
        Assert.Equal(train[0], split.HeldOutGroups[0][0]);
        Assert.Equal(train[8], split.HeldOutGroups[1][0]);
        Assert.Equal(31, split.Fit.Count);
        Assert.Empty(split.Fit.Intersect(split.HeldOut));
    }

    [Fact]
    public void Choose_WithOneSpeakerGroup_HoldsNothingOut() =>
        Assert.Empty(HeldOutSplit.Choose(Enumerable.Range(0, 10).Select(i => Utterance(i, 10)).ToList(), [[.. Enumerable.Range(0, 10)]], 120).HeldOutGroups);

    private PreparedUtterance Utterance(int index, double seconds)
    {
        var pcm = Path.Combine(folder, $"{index}.pcm");
        File.WriteAllBytes(pcm, new byte[(int)(seconds * 16_000 * 2)]);
        var file = new DataFile { Id = index, Type = "train", AudioFileName = $"{index}.wav", AudioBlob = "", TranscriptFileName = $"{index}.txt", TranscriptBlob = "", Format = "wav" };
        return new PreparedUtterance(file, pcm, ["a sentence"]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
