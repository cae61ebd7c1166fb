namespace Dashboard.Server.Storage;

public static class StorageFull
{
    /// <summary>ENOSPC (28) or EDQUOT (122) on Linux (the errno is the HResult), ERROR_HANDLE_DISK_FULL or ERROR_DISK_FULL on Windows.</summary>
    public static bool Is(IOException e) => e.HResult is 28 or 122 || (uint)e.HResult is 0x80070027 or 0x80070070;
}
