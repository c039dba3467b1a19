namespace TaxiScan.IO;

/// <summary>
/// The owner-only temporary file, created in one place: a new name (never an existing file, so a
/// symlink planted at the name cannot redirect the write), mode 0600 on Unix from the moment it exists,
/// so other users cannot read rows on their way to a spool or an output. Used by
/// <see cref="SafeSpillFile"/> and by the atomic output (<c>AtomicFileTarget</c>, also for <c>--stats</c>
/// and <c>merge</c>).
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>rw------- : what the file is created with (also the mode of an unnamed O_TMPFILE file).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates <paramref name="path"/>, which must not exist, owner-only. With <paramref name="deleteOnClose"/>
    /// (for Windows, where an open file cannot be unlinked) it goes away when closed.
    /// </summary>
    public static FileStream CreateNew(string path, FileAccess access, int bufferSize, bool deleteOnClose = false)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = access,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = deleteOnClose && OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        return new FileStream(path, options);
    }
}
