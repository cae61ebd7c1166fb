using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Faults;

/// <summary>The storage folder on a real 1 MB tmpfs (the tests run as root, as CI does): the disk fills up mid-upload.</summary>
public sealed class SmallDiskFactory : DashboardFactory
{
    private bool mounted;

    public SmallDiskFactory()
    {
        Directory.CreateDirectory(StorageRoot);
        Mount("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", StorageRoot);
        mounted = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && mounted)
        {
            mounted = false;
            Mount("umount", "-l", StorageRoot);
        }
        base.Dispose(disposing);
    }

    private static void Mount(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed (the disk-full tests need root): {error}");
    }
}

[Trait("Category", "api")]
public sealed class DiskFullTests(SmallDiskFactory factory) : IClassFixture<SmallDiskFactory>
{
    [Fact]
    public async Task AnUploadThatFillsTheDisk_Gets507InTheEnvelope_AndNothingIsStored_ThenASmallOneSucceeds()
    {
        var client = await factory.CreateClientForAsync("disk-full");
        var id = (int)(await client.CreateModelAsync())["id"]!;
        var big = await AudioFiles.ToneAsync("wav", seconds: 40); // 1.3 MB of 16 kHz PCM: more than the disk holds

        var error = await (await client.UploadAsync(id, "train", big, await AudioFiles.TranscriptAsync("too big for the disk")))
            .AssertErrorAsync(HttpStatusCode.InsufficientStorage, "INSUFFICIENT_STORAGE");

        Assert.Contains("storage is full", (string?)error["message"], StringComparison.Ordinal);
        Assert.Empty(factory.StagedFiles());
        Assert.Empty(factory.BlobsOf(id));
        Assert.Equal(0, await factory.DataFileCountAsync(id));
        await (await client.UploadAsync(id, "train", await AudioFiles.ToneAsync("wav", seconds: 2), await AudioFiles.TranscriptAsync("fits")))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, await factory.DataFileCountAsync(id));
    }
}
