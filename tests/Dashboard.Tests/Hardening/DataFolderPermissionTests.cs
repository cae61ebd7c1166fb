using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Hardening;

/// <summary>The database in its default place, under Storage:Root, as an operator's install has it.</summary>
public sealed class DefaultDatabasePlaceFactory : DashboardFactory
{
    protected override IReadOnlyDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>
    {
        ["ConnectionStrings:Dashboard"] = null,
        ["Logging:LogLevel:Default"] = "Warning",
    };
}

/// <summary>
/// The data folder and everything under it are the server user's alone (folders 0700, database files 0600, -wal and
/// -shm included), whether the server creates them or finds them with looser modes from an older version.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "api")]
public sealed class DataFolderPermissionTests : IDisposable
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Loose = OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly DefaultDatabasePlaceFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AFreshDataFolder_IsCreatedOwnerOnly_WithTheDatabaseFilesOwnerOnly()
    {
        await factory.CreateApiKeyAsync("modes"); // the database is written: -wal and -shm exist

        AssertOwnerOnly(factory.StorageRoot);
    }

    [Fact]
    public async Task ADataFolderLeftReadableByOthers_IsTightenedAtStartUp()
    {
        var root = factory.StorageRoot;
        Directory.CreateDirectory(root, Loose);
        Directory.CreateDirectory(Path.Combine(root, "blobs", "org-1"), Loose);
        File.SetUnixFileMode(Path.Combine(root, "blobs"), Loose);
        var database = Path.Combine(root, "dashboard.db");
        await File.WriteAllBytesAsync(database, []);
        File.SetUnixFileMode(database, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(root, Loose);

        await factory.CreateApiKeyAsync("modes");

        AssertOwnerOnly(root);
    }

    [Fact]
    public async Task ADatabaseConfiguredOutsideTheDataFolder_HasOwnerOnlyFilesToo()
    {
        using var configured = new DashboardFactory(); // ConnectionStrings:Dashboard names a file beside the data folder

        await configured.CreateApiKeyAsync("modes");

        foreach (var file in Directory.GetFiles(configured.Folder, "dashboard.db*"))
            Assert.True(File.GetUnixFileMode(file) == OwnerFile, $"{file}: {File.GetUnixFileMode(file)}");
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(configured.StorageRoot));
    }

    private static void AssertOwnerOnly(string root)
    {
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(root));
        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            Assert.True(File.GetUnixFileMode(folder) == OwnerFolder, $"{folder}: {File.GetUnixFileMode(folder)}");
        var databaseFiles = Directory.GetFiles(root, "dashboard.db*");
        Assert.Contains(databaseFiles, f => f.EndsWith("dashboard.db-wal", StringComparison.Ordinal));
        Assert.Contains(databaseFiles, f => f.EndsWith("dashboard.db-shm", StringComparison.Ordinal));
        foreach (var file in databaseFiles)
            Assert.True(File.GetUnixFileMode(file) == OwnerFile, $"{file}: {File.GetUnixFileMode(file)}");
    }
}
