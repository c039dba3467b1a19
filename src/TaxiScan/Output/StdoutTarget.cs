using Microsoft.Win32.SafeHandles;

namespace TaxiScan.Output;

/// <summary>
/// Rows to standard output (or to the descriptor it was moved to, see <see cref="TerminalLayout"/>),
/// through a 1 MiB buffered <see cref="FileStream"/>: unlike <c>Console.Out</c>, which swallows EPIPE,
/// it raises the broken-pipe error, so <c>taxiscan ... | head -1</c> stops early.
/// </summary>
internal sealed class StdoutTarget(int descriptor) : IOutputTarget
{
    public Stream Stream { get; } = new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, 1 << 20);

    public void Commit() => Stream.Flush();

    public void Abort()
    {
        // Rows already written cannot be taken back; what is buffered is dropped with the process.
    }

    public void Dispose()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The reader is gone (EPIPE on the final flush): nothing left to tell it.
        }
    }
}
