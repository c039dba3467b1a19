using TaxiScan.Platform;

namespace TaxiScan.Output;

/// <summary>
/// <c>--output</c> naming something that is not a regular file (a device such as <c>/dev/null</c> or
/// <c>/dev/full</c>, a FIFO): written straight through, as a shell's <c>&gt;</c> would. Renaming a
/// temporary file over it, as <see cref="AtomicFileTarget"/> does, would replace the device node itself.
/// A write error (a full device) surfaces as an <see cref="IOException"/> like any other output error.
/// </summary>
internal sealed class DeviceFileTarget(string path)
    : WriteThroughTarget(new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 20))
{
    /// <summary>The target for <paramref name="path"/>: straight through for a device or FIFO, else atomic.</summary>
    public static IOutputTarget OpenOutput(string path) =>
        Path.Exists(path) && !Directory.Exists(path) && !Posix.IsRegularFile(path)
            ? new DeviceFileTarget(path)
            : new AtomicFileTarget(path);
}
