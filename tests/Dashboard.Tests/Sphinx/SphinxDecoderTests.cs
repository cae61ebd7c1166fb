using Dashboard.Server.Training.Sphinx;
using Xunit;
using Dashboard.Server.Speech;

namespace Dashboard.Tests.Sphinx;

[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class SphinxDecoderTests
{
    private static readonly SphinxOptions Options = new();

    [Fact]
    public async Task StockModel_RecognizesRealReadSpeech_WithTimedWords()
    {
        var recording = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal)); // "he was not an ill disposed young man"
        using var decoder = new SphinxDecoder(Options, RecognizerSpec.Stock("general"));
        var result = decoder.Recognize(await LibrivoxRecordings.PcmAsync(recording));
        Assert.StartsWith("he was not", result.Transcript, StringComparison.Ordinal);
        Assert.EndsWith("young man", result.Transcript, StringComparison.Ordinal);
        Assert.InRange(result.DurationSeconds, 2.9, 3.1);
        Assert.All(result.Words, w => Assert.True(w.Start < w.End && w.End <= result.DurationSeconds + 0.01 && w.Confidence is >= 0 and <= 1));
        Assert.Equal(result.Words.OrderBy(w => w.Start), result.Words);
    }

    [Fact]
    public async Task Decoding_IsRepeatable_WhateverWasDecodedBefore()
    {
        var recordings = LibrivoxRecordings.All();
        using var decoder = new SphinxDecoder(Options, RecognizerSpec.Stock("general"));
        var first = decoder.Recognize(await LibrivoxRecordings.PcmAsync(recordings[0]));
        decoder.Recognize(await LibrivoxRecordings.PcmAsync(recordings[1]));
        Assert.Equal(first, decoder.Recognize(await LibrivoxRecordings.PcmAsync(recordings[0])), new RecognitionComparer());
    }

    [Fact]
    public async Task LongAudio_IsDecodedInUtterances_WithTimesFromTheStartOfTheFile()
    {
        var parts = new List<short[]>();
        foreach (var r in LibrivoxRecordings.All()) parts.AddRange([await LibrivoxRecordings.PcmAsync(r), new short[8000]]);
        var pcm = Enumerable.Range(0, 2).SelectMany(_ => parts).SelectMany(p => p).ToArray(); // ~50 s
        var pieces = UtteranceSplitter.Split(pcm, SphinxDecoder.SampleRate).ToList();
        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.True(p.Length <= UtteranceSplitter.MaxSeconds * SphinxDecoder.SampleRate));
        Assert.Equal(pcm.Length, pieces.Sum(p => p.Length));

        using var decoder = new SphinxDecoder(Options, RecognizerSpec.Stock("general"));
        var result = decoder.Recognize(pcm);
        Assert.True(result.Words.Count > 60);
        Assert.True(result.Words[^1].End > 45);
        Assert.Equal(result.Words.OrderBy(w => w.Start), result.Words);
    }

    [Fact]
    public void Silence_GivesNoWords()
    {
        using var decoder = new SphinxDecoder(Options, RecognizerSpec.Stock("general"));
        var result = decoder.Recognize(new short[SphinxDecoder.SampleRate * 2]);
        Assert.Equal("", result.Transcript);
        Assert.Equal(2, result.DurationSeconds);
    }

    private sealed class RecognitionComparer : IEqualityComparer<Recognition>
    {
        public bool Equals(Recognition? x, Recognition? y) => x!.Words.SequenceEqual(y!.Words) && x.DurationSeconds == y.DurationSeconds;
        public int GetHashCode(Recognition obj) => obj.Words.Count;
    }
}

/// <summary>Tests that decode audio share the cores: they run one class at a time, and share one trained cardiology model.</summary>
[CollectionDefinition(Name)]
public sealed class SphinxCollection : ICollectionFixture<TrainedCardiologyModel>
{
    public const string Name = "Sphinx recognition";
}
