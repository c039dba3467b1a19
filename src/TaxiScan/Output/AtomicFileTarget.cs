using TaxiScan.IO;
using TaxiScan.Platform;

namespace TaxiScan.Output;

/// <summary>
/// <c>--output FILE</c>: rows go to an owner-only temporary file beside FILE, renamed over FILE on
/// success (rename is atomic within a directory). On failure or interruption the temporary file is
/// deleted (or, on Linux, it is an unnamed O_TMPFILE file until then, so not even SIGKILL leaves it
/// behind), so no new FILE exists and an existing FILE is untouched. A FILE that is a symlink is
/// followed: the file it points to is replaced and the link stays.
/// </summary>
internal sealed class AtomicFileTarget : IOutputTarget
{
    private readonly string _finalPath;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _unnamed;
    private bool _settled;

    public AtomicFileTarget(string path)
    {
        _finalPath = FollowLinks(Path.GetFullPath(path));
        var directory = Path.GetDirectoryName(_finalPath)!;
        _temporaryPath = Path.Combine(directory, $".{Path.GetFileName(_finalPath)}.taxiscan-{Guid.NewGuid():N}.tmp");

        // Where it can, the rows go to an unnamed file that gets its temporary name only when the run
        // succeeds: a coordinator killed with SIGKILL then leaves nothing behind.
        if (Posix.TryCreateUnnamedFile(directory, OwnerOnlyFile.Mode, out var unnamed))
        {
            _unnamed = unnamed;
            _stream = new FileStream(unnamed, FileAccess.Write, 1 << 20);
            return;
        }

        _stream = OwnerOnlyFile.CreateNew(_temporaryPath, FileAccess.Write, 1 << 20);
    }

    // The file a symlink points to (through every link), so the rename replaces it and keeps the link.
    private static string FollowLinks(string path) =>
        new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    public Stream Stream => _stream;

    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        if (_unnamed is not null)
        {
            Posix.GiveName(_unnamed, _temporaryPath);
        }

        _stream.Dispose();
        if (!OperatingSystem.IsWindows())
        {
            // Keep an existing file's permissions; a new file gets the usual rw-r--r--.
            File.SetUnixFileMode(_temporaryPath, File.Exists(_finalPath)
                ? File.GetUnixFileMode(_finalPath)
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.Move(_temporaryPath, _finalPath, overwrite: true);
        _settled = true;
    }

    public void Abort()
    {
        if (_settled)
        {
            return;
        }

        _settled = true;
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // The device is full or gone; the file is being deleted anyway.
        }

        if (_unnamed is null)
        {
            File.Delete(_temporaryPath);
        }
    }

    public void Dispose() => Abort();
}
