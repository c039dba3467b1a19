using TaxiScan.IO;

namespace TaxiScan.Output;

/// <summary>
/// Rows to standard output (or to the descriptor it was moved to, see <see cref="TerminalLayout"/>),
/// through 1 MiB of buffer over a <see cref="DescriptorStream"/>: plain write(2) calls, so rows land at
/// the descriptor's shared offset, and EPIPE is raised so <c>taxiscan ... | head -1</c> stops early.
/// </summary>
internal sealed class StdoutTarget(int descriptor) : WriteThroughTarget(OperatingSystem.IsWindows()
    ? new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, 1 << 20)
    : new BufferedStream(new DescriptorStream(descriptor), 1 << 20));
