using Dashboard.Tests.Infrastructure;
using Dashboard.Server.Data;
using Dashboard.Server.Training.Sphinx;
using Dashboard.Server.Training.Sphinx.Tuning;
using Xunit;

namespace Dashboard.Tests.Accuracy;

/// <summary>Which training recordings tuning holds out: whole speaker groups, spread over unlike voices, within the audio budget.</summary>
[Trait("Category", "unit")]
public sealed class HeldOutSplitTests : IDisposable
{
    private readonly string folder = TestTemp.Folder("held-out-");

    [Fact]
    public void SpreadOrder_TakesTheSmallestGroupFirst_ThenTheVoicesLeastLikeThoseTaken()
    {
        // Signatures on a line: groups A near 0, B near 1, C near 10 (the odd one out), D near 2.
        double[][] signatures = [[0], [0.1], [1], [1.1], [1.2], [10], [10.1], [2], [2.1]];
        List<List<int>> groups = [[2, 3, 4], [0, 1], [5, 6], [7, 8]];
        var order = SpeakerGroups.SpreadOrder(groups, SpeakerGroups.Distances(signatures));
        Assert.Equal([[0, 1], [5, 6], [7, 8], [2, 3, 4]], order);
    }

    [Fact]
    public void TestSpeakers_AreKnown_OnlyWhenTheirVoicesAreAsCloseToTrainingAsTrainingSpeakersAreToThemselves()
    {
        double[][] train = [[0], [0.5], [10], [10.4], [20], [20.6]]; // three speakers, two recordings each: nearest other about 0.5
        var distance = SpeakerGroups.Distances(train);
        Assert.True(SpeakerGroups.TestSpeakersKnown(distance, train, [[0.3], [10.2], [25]]).Known); // two of three match a training speaker
        var unknown = SpeakerGroups.TestSpeakersKnown(distance, train, [[5], [15], [30]]);
        Assert.False(unknown.Known);
        Assert.Equal(4.6, unknown.TestDistance, 3);
        Assert.Equal(0.5, unknown.SameSpeakerDistance, 3);
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

    [Fact]
    public void MllrIsJudgedPerGroup_OnlyWhereAGroupHasEnoughWords_SmallGroupsTogether()
    {
        var big = Enumerable.Range(0, 3).Select(i => Utterance(i, 20, words: 20)).ToList(); // 60 words: judged alone
        var small1 = Enumerable.Range(3, 2).Select(i => Utterance(i, 5, words: 8)).ToList(); // 16 words
        var small2 = Enumerable.Range(5, 2).Select(i => Utterance(i, 5, words: 8)).ToList();
        var split = new HeldOutSplit([Utterance(9, 20)], [small1, big, small2]);
        var judged = ModelTuner.JudgedGroups(split);
        Assert.Equal(2, judged.Count);
        Assert.Equal([2, 3, 4], judged[0].Indices);
        Assert.Equal(60, judged[0].Words);
        Assert.Equal([0, 1, 5, 6], judged[1].Indices); // the two small groups, judged together
        Assert.Equal(32, judged[1].Words);
    }

    private PreparedUtterance Utterance(int index, double seconds, int words = 2)
    {
        var pcm = Path.Combine(folder, $"{index}.pcm");
        File.WriteAllBytes(pcm, new byte[(int)(seconds * 16_000 * 2)]);
        var file = new DataFile { Id = index, Type = "train", AudioFileName = $"{index}.wav", AudioBlob = "", TranscriptFileName = $"{index}.txt", TranscriptBlob = "", Format = "wav" };
        return new PreparedUtterance(file, pcm, [string.Join(' ', Enumerable.Repeat("word", words))]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
