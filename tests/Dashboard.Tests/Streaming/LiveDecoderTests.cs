using Dashboard.Server.Speech;
using Dashboard.Tests.Sphinx;
using Xunit;

namespace Dashboard.Tests.Streaming;

/// <summary>Live-stream decoders load <see cref="SphinxOptions.LiveDecoderArguments"/> over the shared ones and decode real speech fed in pieces.</summary>
[Collection(SphinxCollection.Name)]
[Trait("Category", "sphinx")]
public sealed class LiveDecoderTests
{
    [Fact]
    public void LiveArguments_ReplaceSharedOnesOfTheSameName_AndAddTheirOwn()
    {
        var merged = DecoderArgumentList.Merge("-maxhmmpf 5000 -maxwpf 10", "-fwdflat no -maxhmmpf 3000");
        Assert.Equal(["-maxhmmpf", "3000", "-maxwpf", "10", "-fwdflat", "no"], merged);
        Assert.Equal(["-maxwpf", "10"], DecoderArgumentList.Merge("-maxwpf 10", " "));
        Assert.Throws<InvalidOperationException>(() => DecoderArgumentList.Merge("-maxwpf 10", "-fwdflat"));
    }

    [Fact]
    public async Task ALiveDecoder_HasItsOwnPoolKey_AndRecognizesSpeechFedInTenthsOfASecond()
    {
        var options = new SphinxOptions();
        options.LiveDecoderArguments += " -maxhmmpf 4000"; // a name given twice would fail to load
        var spec = RecognizerSpec.Stock("general").ForLiveStreams();
        Assert.Equal(RecognizerSpec.LiveKey("general"), spec.Key);
        Assert.NotEqual("general", spec.Key);

        var recording = LibrivoxRecordings.All().Single(r => r.Id.EndsWith("0880", StringComparison.Ordinal)); // "he was not an ill disposed young man"
        var pcm = await LibrivoxRecordings.PcmAsync(recording);
        using var decoder = new SphinxDecoder(options, spec);
        decoder.StartStream();
        decoder.StartUtterance();
        for (var at = 0; at < pcm.Length; at += 1600) decoder.Process(pcm.AsSpan(at, Math.Min(1600, pcm.Length - at)));
        var words = decoder.EndUtterance(0);
        var transcript = string.Join(' ', words.Select(w => w.Word));
        Assert.StartsWith("he was not", transcript, StringComparison.Ordinal);
        Assert.EndsWith("young man", transcript, StringComparison.Ordinal);
    }
}
