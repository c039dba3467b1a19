using System.Runtime.InteropServices;

namespace TaxiScan.Platform;

/// <summary>
/// The few libc calls .NET does not expose: descriptor duplication (to move the data stream off
/// descriptor 1 so the progress bars can draw there), <c>isatty</c>, and pipe sizing.
/// Unix only; every caller checks <see cref="OperatingSystem.IsWindows"/> first.
/// </summary>
internal static partial class Posix
{
    public const int StdinFd = 0;
    public const int StdoutFd = 1;
    public const int StderrFd = 2;

    // fcntl command numbers from <linux/fcntl.h>.
    private const int FSetPipeSize = 1031;
    private const int FSetFd = 2;
    private const int FdCloexec = 1;

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkAt(int oldDirFd, string oldPath, int newDirFd, string newPath, int flags);

    /// <summary>
    /// An unnamed file with <paramref name="mode"/> in <paramref name="directory"/> (O_TMPFILE): it has no name until
    /// <see cref="GiveName"/>, so if the process dies, even by SIGKILL, nothing is left behind.
    /// </summary>
    /// <returns>False where the system or file system has no O_TMPFILE (the caller uses a named file).</returns>
    public static bool TryCreateUnnamedFile(string directory, UnixFileMode mode, out Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        const int WriteOnly = 0x1;
        const int CloseOnExec = 0x80000; // workers must not inherit the output
        const int TmpFile = 0x410000;    // __O_TMPFILE | O_DIRECTORY (x86-64 and arm64)
        handle = new Microsoft.Win32.SafeHandles.SafeFileHandle();
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var fd = Open(directory, TmpFile | WriteOnly | CloseOnExec, (int)mode);
        if (fd < 0)
        {
            return false;
        }

        handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        return true;
    }

    /// <summary>Gives a file made by <see cref="TryCreateUnnamedFile"/> the name <paramref name="path"/> (which must not exist).</summary>
    public static void GiveName(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path)
    {
        const int AtSymlinkFollow = 0x400;
        if (LinkAt(AtFdCwd, $"/proc/self/fd/{handle.DangerousGetHandle()}", AtFdCwd, path, AtSymlinkFollow) != 0)
        {
            throw new IOException($"cannot name the output file {path}: error {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd, int arg);

    /// <summary>The <c>dirfd</c> of the *at calls that means "relative to the current directory".</summary>
    public const int AtFdCwd = -100;

    /// <summary>Enough room for struct statx (256 bytes on every architecture).</summary>
    public const int StatxBufferBytes = 256;

    /// <summary>statx(2), symlinks followed unless <paramref name="flags"/> say otherwise. Linux only.</summary>
    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirFd, string path, int flags, uint mask, Span<byte> buffer);

    /// <summary>
    /// The file-type bits (<c>S_IFMT</c>) of <paramref name="path"/>, symlinks followed, or null with the
    /// errno when it cannot be reached. Uses statx because its layout, unlike struct stat's, is the same
    /// on every Linux architecture (stx_mode is a u16 at byte 28). Linux only.
    /// </summary>
    public static int? FileType(string path, out int errno)
    {
        const uint StatxType = 0x1;
        const int ModeOffset = 28;

        Span<byte> buffer = stackalloc byte[StatxBufferBytes];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return MemoryMarshal.Read<ushort>(buffer[ModeOffset..]) & FileTypes.Mask;
    }

    /// <summary>Whether <paramref name="path"/> (symlinks followed) is a regular file, not a FIFO, socket or device.</summary>
    public static bool IsRegularFile(string path) =>
        OperatingSystem.IsLinux() ? FileType(path, out _) == FileTypes.RegularFile : File.Exists(path);

    public static bool IsTerminal(int fd) => !OperatingSystem.IsWindows() && IsATty(fd) == 1;

    /// <summary>Marks a descriptor close-on-exec so worker processes do not inherit it.</summary>
    public static void SetCloseOnExec(int fd)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Fcntl(fd, FSetFd, FdCloexec);
        }
    }

    /// <summary>
    /// Enlarges a pipe's kernel buffer (Linux only; best effort). With the default 64 KiB a pipe moves
    /// about 1.3 GB/s, with 1 MiB about 3 GB/s (platform note).
    /// </summary>
    public static void TryGrowPipe(int fd, int bytes)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = Fcntl(fd, FSetPipeSize, bytes);
        }
    }
}
