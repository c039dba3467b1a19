using System.Runtime.InteropServices;
using TaxiScan.Platform;

namespace TaxiScan.IO;

/// <summary>
/// Why a directory entry that is not a regular file is not read: its file type (symlinks followed), or
/// the errno of following it. FileInfo cannot tell a FIFO or a device from a file, nor a dangling
/// symlink from a symlink loop, and the walk must say which one it skipped.
/// </summary>
internal static class EntryProbe
{
    /// <summary>
    /// Null for a regular file (or off Linux); else the reason it is not read, and whether that is an
    /// error (data that exists but cannot be read) rather than a skip on purpose (FIFO, device, socket).
    /// </summary>
    public static (string Reason, bool IsError)? WhyNotRegular(FileInfo file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (Posix.FileType(file.FullName, out var errno) is not { } type)
        {
            return errno switch
            {
                // .NET decodes names as UTF-8 and puts U+FFFD for bytes that are not; such a name names
                // no file, so the file behind it cannot be opened from .NET at all.
                Errno.NoSuchFile when file.Name.Contains('\uFFFD') => ("file name is not valid UTF-8; taxiscan cannot open it", true),
                Errno.NoSuchFile => ("No such file or directory (a symbolic link to nothing)", true),
                Errno.SymlinkLoop => ("Too many levels of symbolic links", true),
                _ => (Marshal.GetPInvokeErrorMessage(errno), true),
            };
        }

        return type switch
        {
            FileTypes.RegularFile => null,
            FileTypes.Fifo => ("skipped: a FIFO (name it on the command line to read it as a stream)", false),
            FileTypes.CharacterDevice => ("skipped: a character device", false),
            FileTypes.BlockDevice => ("skipped: a block device", false),
            FileTypes.Socket => ("skipped: a socket", false),
            FileTypes.Directory => ("skipped: a symbolic link to a directory (not followed)", false),
            _ => ("skipped: not a regular file", false),
        };
    }
}
