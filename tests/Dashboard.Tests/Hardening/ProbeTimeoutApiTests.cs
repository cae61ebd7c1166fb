using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

public sealed class SlowProbeFactory : HardeningFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides =>
        new Dictionary<string, string?>(base.Overrides) { ["Tools:ProbeTimeoutSeconds"] = "0.001" };
}

/// <summary>An upload whose audio the probe cannot read in its time limit is refused, and leaves nothing behind.</summary>
[Trait("Category", "api")]
public sealed class ProbeTimeoutApiTests(SlowProbeFactory factory) : IClassFixture<SlowProbeFactory>
{
    [Fact]
    public async Task AnUploadTheProbeCannotReadInTime_Gets400InvalidAudio_AndStoresNothing()
    {
        using var client = await factory.CreateClientForAsync("slow-probe");
        var id = (int)(await client.CreateModelAsync())["id"]!;
        var route = ApiRouteTable.Get("PUT /api/v3/custom_models/{id:int}/data");
        // A plain PCM WAV is described from its header without ffprobe; FLAC is always probed.
        var flac = await File.ReadAllBytesAsync(await AudioFiles.ToneAsync("flac", seconds: 1));
        var upload = await Upload.ValidAsync() with { Audio = flac, AudioName = "tone.flac", AudioType = "audio/flac" };
        using var request = ApiRouteTable.Request(route, new RouteIds(id, 0, 0), upload);

        var error = await client.AssertRefusedAsync(factory, request, "an upload with a 1 ms probe limit");

        Assert.Equal("INVALID_AUDIO", (string?)error["error_code"]);
        Assert.Contains("could not be read within 0.001 seconds", (string?)error["message"], StringComparison.Ordinal);
        Assert.Empty(factory.StagedFiles());
    }
}
