using System.Text;
using Dashboard.Server.Live;
using Dashboard.Shared.Live;
using Dashboard.Shared.Models;

namespace Dashboard.Tests.Postgres;

/// <summary>What a node sends the others with NOTIFY: read back unchanged, and always under PostgreSQL's 8000-byte limit.</summary>
[Trait("Category", "unit")]
public sealed class PeerMessageTests
{
    private static readonly Guid Node = Guid.NewGuid();

    [Fact]
    public void AStatusEvent_IsReadBackAsTheSameEvent()
    {
        var status = new StatusChangedEvent(7, TrainingStatus.Running, 42, "train");

        var read = PeerMessage.Parse(PeerMessage.Of(Node, status).ToPayload());

        Assert.Equal(Node, read!.Origin);
        Assert.Equal(status, read.Event);
    }

    [Theory]
    [InlineData("x", 20_000)]
    [InlineData("é\"", 9_000)] // two bytes in UTF-8, and a character JSON escapes
    public void AVeryLongLogLine_IsCutToFitOneNotification_AndSaysSo(string text, int repeat)
    {
        var line = new LogLineEvent(7, DateTimeOffset.UtcNow, "info", string.Concat(Enumerable.Repeat(text, repeat)));

        var payload = PeerMessage.Of(Node, line).ToPayload();
        var read = (LogLineEvent)PeerMessage.Parse(payload)!.Event!;

        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 1000, PeerMessage.MaxPayloadBytes - 1);
        Assert.EndsWith("[cut; see the full log]", read.Message, StringComparison.Ordinal);
        Assert.StartsWith(read.Message[..^" [cut; see the full log]".Length], line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APayloadThatIsNotAPeerMessage_IsIgnored()
    {
        Assert.Null(PeerMessage.Parse("{not json"));
    }
}
