using Dashboard.Tests.Infrastructure;
using static Dashboard.Tests.Encryption.EncryptedBlobs;

namespace Dashboard.Tests.Encryption;

/// <summary>A data folder from before encryption at rest: its blobs are encrypted at start-up, and plaintext a crash left behind is removed.</summary>
[Trait("Category", "api")]
public sealed class StartupMigrationTests : IDisposable
{
    private readonly DashboardFactory factory = new();

    [Fact]
    public async Task APlaintextBlobFromBeforeEncryption_IsEncryptedInPlaceAtStartUp_AndReadsTheSame()
    {
        // Not under models/: the start-up clean-up removes folders of models that do not exist.
        var legacy = Path.Combine(factory.BlobRoot(), "legacy", "old.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        var text = "a transcript stored in plaintext by an older version"u8.ToArray();
        await File.WriteAllBytesAsync(legacy, text);

        _ = factory.Server;

        var onDisk = await File.ReadAllBytesAsync(legacy);
        Assert.Equal("DBLB"u8.ToArray(), onDisk[..4]);
        Assert.False(Contains(onDisk, text));
        Assert.Equal(text, await factory.Storage().ReadAllAsync("legacy/old.txt"));
    }

    [Fact]
    public void StagedUploadsAndScratchFoldersACrashLeftBehind_AreRemovedAtStartUp_EvenRecentOnes_OnASingleNode()
    {
        var staging = Directory.CreateDirectory(Path.Combine(factory.StorageRoot, "staging")).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(factory.StorageRoot, "scratch", "abandoned")).FullName;
        var abandoned = Path.Combine(staging, "abandoned-upload");
        var recent = Path.Combine(staging, "upload-in-progress");
        File.WriteAllText(abandoned, "plaintext audio");
        File.WriteAllText(recent, "plaintext audio");
        File.WriteAllText(Path.Combine(scratch, "utterance.pcm"), "plaintext pcm");
        var longAgo = DateTime.UtcNow.AddDays(-2);
        File.SetLastWriteTimeUtc(abandoned, longAgo);
        Directory.SetLastWriteTimeUtc(scratch, longAgo);

        _ = factory.Server;

        Assert.False(File.Exists(abandoned));
        Assert.False(Directory.Exists(scratch));
        Assert.False(File.Exists(recent)); // alone on its storage (SQLite), nothing staged can still be in flight at start-up
    }

    public void Dispose() => factory.Dispose();
}
