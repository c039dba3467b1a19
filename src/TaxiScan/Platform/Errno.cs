namespace TaxiScan.Platform;

/// <summary>
/// The errno values taxiscan tests for, named once. They are the same on Linux and macOS (the
/// platforms whose libc calls <see cref="Posix"/> makes); .NET reports a failed write's raw errno
/// as the HResult of its <see cref="IOException"/>.
/// </summary>
internal static class Errno
{
    /// <summary><c>ENOENT</c>: no such file or directory (also a symbolic link to nothing).</summary>
    public const int NoSuchFile = 2;

    /// <summary><c>EINTR</c>: a signal interrupted the call; try it again.</summary>
    public const int Interrupted = 4;

    /// <summary><c>EPIPE</c>: the reader of a pipe has gone away.</summary>
    public const int BrokenPipe = 32;

    /// <summary><c>ELOOP</c> on Linux: too many levels of symbolic links (macOS numbers it 62; only Linux asks, through statx).</summary>
    public const int SymlinkLoop = 40;
}
