namespace Dashboard.Server.Persistence;

/// <summary>
/// The database settings cannot work (unknown provider, missing or malformed connection string, server unreachable).
/// Thrown while the host is being built; the program then prints the message as one line and exits non-zero.
/// </summary>
public sealed class DatabaseConfigurationException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const int ExitCode = 78; // EX_CONFIG from sysexits.h

    private static int installed;

    /// <summary>
    /// Thrown from top-level statements, the exception would end the process with a stack trace and SIGABRT.
    /// An operator needs the one line that says what to fix, so the process writes it and exits instead.
    /// </summary>
    public static void ExitCleanlyWhenUnhandled()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is not DatabaseConfigurationException error) return;
            Console.Error.WriteLine($"error: {error.Message}");
            Environment.Exit(ExitCode);
        };
    }
}
