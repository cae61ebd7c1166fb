namespace Dashboard.Server.Storage.Encryption;

/// <summary>Folders (0700) and files (0600) that only the server's own user can open: the data folder, keys, the database and plaintext working copies.</summary>
public static class OwnerOnly
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static DirectoryInfo CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(path);
        var folder = Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode); // an existing folder keeps its mode otherwise
        return folder;
    }

    /// <summary>Takes group and other permissions off an existing folder or file (a no-op on Windows).</summary>
    public static void Tighten(string path, bool isFolder)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = isFolder ? FolderMode : FileMode;
        if (File.GetUnixFileMode(path) != mode) File.SetUnixFileMode(path, mode);
    }

    public static FileStream CreateFile(string path, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }
}
