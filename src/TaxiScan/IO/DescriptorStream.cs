using System.Runtime.InteropServices;
using TaxiScan.Platform;

namespace TaxiScan.IO;

/// <summary>
/// A write-only stream straight onto a file descriptor with write(2). Standard output may be a file the
/// shell shares with other commands (<c>for ...; do taxiscan ...; done &gt; all.csv</c>, or
/// <c>{ echo x; taxiscan ...; } &gt; f</c>): rows must land at the descriptor's shared offset and move it,
/// as every Unix tool's writes do. A <see cref="FileStream"/> over a seekable descriptor keeps a position
/// of its own and writes with pwrite(2), which leaves the shared offset behind, so the next command
/// overwrote our rows. Also raises EPIPE (unlike <c>Console.Out</c>), so <c>| head -1</c> stops the scan.
/// </summary>
internal sealed class DescriptorStream(int descriptor) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            nint written;
            fixed (byte* start = buffer)
            {
                written = Posix.Write(descriptor, start, buffer.Length);
            }

            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.Interrupted)
                {
                    continue;
                }

                throw new IOException(errno == Errno.BrokenPipe ? "Broken pipe" : Marshal.GetPInvokeErrorMessage(errno), errno);
            }

            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
