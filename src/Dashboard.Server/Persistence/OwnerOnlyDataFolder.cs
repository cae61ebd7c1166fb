using Dashboard.Server.Storage;
using Dashboard.Server.Storage.Encryption;

namespace Dashboard.Server.Persistence;

/// <summary>
/// Start-up, before anything opens the database: the data folder (Storage:Root) and every folder in it belong to the
/// server's user alone (0700), and so do the SQLite database and its -wal, -shm and -journal files (0600). The database
/// file is created empty with that mode before SQLite opens it, because SQLite gives its -wal and -shm files the mode
/// of the database file. A data folder or database left readable by others (older versions made them 0755 and 0644:
/// password hashes and webhook secrets) is tightened.
/// </summary>
public static class OwnerOnlyDataFolder
{
    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm", "-journal"];

    public static void Secure(IConfiguration configuration, DatabaseConnection database)
    {
        if (OperatingSystem.IsWindows()) return;
        var root = OwnerOnly.CreateFolder(Path.GetFullPath(StorageOptions.RootIn(configuration)));
        foreach (var folder in root.EnumerateDirectories("*", SearchOption.AllDirectories))
        {
            if (folder.LinkTarget is null) OwnerOnly.Tighten(folder.FullName, isFolder: true);
        }
        if (database.SqliteFile is not { } file) return;
        var parent = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(parent)) OwnerOnly.CreateFolder(parent); // an existing folder of the operator's choice keeps its mode
        if (!File.Exists(file)) OwnerOnly.CreateFile(file).Dispose(); // an empty file is an empty SQLite database
        foreach (var suffix in DatabaseFileSuffixes)
        {
            if (File.Exists(file + suffix)) OwnerOnly.Tighten(file + suffix, isFolder: false);
        }
    }
}
