namespace TaxiScan.Platform;

/// <summary>
/// What makes a file itself whatever name reaches it: its device and its number there (the inode on
/// Linux and macOS, the volume serial number and file index on Windows). Two names with one identity are
/// one file: a symlink, a hard link, another spelling of the path.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Number)
{
    /// <summary>
    /// The identity of the file <paramref name="path"/> names, symlinks followed; null when it cannot be
    /// reached (it does not exist yet, a dangling link) or on a platform without one (the fallback: the
    /// caller compares paths, see <see cref="IFileSystemNaming"/>).
    /// </summary>
    public static FileIdentity? Of(string path) =>
        OperatingSystem.IsLinux() ? LinuxFileIdentity.Of(path)
        : OperatingSystem.IsMacOS() ? MacFileIdentity.Of(path)
        : OperatingSystem.IsWindows() ? WindowsFileIdentity.Of(path)
        : null;
}
