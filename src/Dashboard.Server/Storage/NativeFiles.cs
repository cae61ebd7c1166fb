using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Dashboard.Server.Storage;

/// <summary>Two Linux file calls .NET does not offer: link(2) (.NET has symbolic links only) and O_DIRECT on an open file.</summary>
internal static class NativeFiles
{
    private const int GetFlags = 3; // F_GETFL
    private const int SetFlags = 4; // F_SETFL

    /// <summary>A second name for a file on the same volume; false where there are none (Windows, another volume): the caller copies.</summary>
    public static bool TryHardLink(string existing, string newPath) => OperatingSystem.IsLinux() && Call(() => link(NulTerminated(existing), NulTerminated(newPath)) == 0);

    /// <summary>Makes writes to <paramref name="file"/> skip the page cache (O_DIRECT); false where that is not available.</summary>
    public static bool TrySetDirect(SafeFileHandle file, bool direct)
    {
        if (!OperatingSystem.IsLinux() || DirectFlag() is not { } flag) return false;
        var fd = (int)file.DangerousGetHandle();
        return Call(() => fcntl(fd, GetFlags, 0) is var flags and >= 0 && fcntl(fd, SetFlags, direct ? flags | flag : flags & ~flag) == 0);
    }

    /// <summary>O_DIRECT differs between architectures.</summary>
    private static int? DirectFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => null,
    };

    private static bool Call(Func<bool> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static byte[] NulTerminated(string path) => System.Text.Encoding.UTF8.GetBytes(path + '\0');

    [DllImport("libc", SetLastError = true)]
    private static extern int link(byte[] existing, byte[] newPath);

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);
}
