using Dashboard.Server.Streaming;
using Xunit;

namespace Dashboard.Tests.Streaming;

/// <summary>Stream audio arrives in pieces that may end inside a sample: every way of cutting the same bytes gives the same samples.</summary>
[Trait("Category", "unit")]
public sealed class SampleJoinerTests
{
    private static readonly short[] Samples = [0, 1, -1, short.MaxValue, short.MinValue, 0x1234, -0x1234, 7, 300];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(18)]
    public void PiecesOfAnySize_GiveTheSamplesSent_InOrder(int pieceBytes)
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(Samples.AsSpan()).ToArray();
        var joiner = new SampleJoiner();
        var joined = new List<short>();
        for (var i = 0; i < bytes.Length; i += pieceBytes) joined.AddRange(joiner.Join(bytes.AsSpan(i, Math.Min(pieceBytes, bytes.Length - i))));

        Assert.Equal(Samples, joined);
    }

    [Fact]
    public void AnOddByte_WaitsForTheNextPiece_AndAnEmptyPieceChangesNothing()
    {
        var joiner = new SampleJoiner();

        Assert.Empty(joiner.Join([0x34]));
        Assert.Empty(joiner.Join([]));
        Assert.Equal([0x1234, 0x0001], joiner.Join([0x12, 0x01, 0x00]));
        Assert.Empty(joiner.Join([]));
    }
}
