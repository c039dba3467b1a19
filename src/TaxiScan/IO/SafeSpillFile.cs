using Microsoft.Win32.SafeHandles;

namespace TaxiScan.IO;

/// <summary>
/// An append-only temporary file for spooled rows: created owner-only (<see cref="OwnerOnlyFile"/>) with a
/// unique name and unlinked at once on Unix, so nothing is left behind on any exit path, SIGKILL included.
/// </summary>
internal sealed class SafeSpillFile : IDisposable
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly byte[] _copyBuffer = new byte[1 << 20];

    public SafeSpillFile(string directory)
    {
        var path = Path.Combine(directory, $".taxiscan-spool-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        _file = OwnerOnlyFile.CreateNew(path, FileAccess.ReadWrite, bufferSize: 4096, deleteOnClose: true);
        _handle = _file.SafeFileHandle;
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }
    }

    public long Length { get; private set; }

    /// <summary>Appends bytes and returns the offset they were written at.</summary>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        var at = Length;
        RandomAccess.Write(_handle, bytes, at);
        Length += bytes.Length;
        return at;
    }

    public void CopyTo(long offset, int count, Stream output)
    {
        while (count > 0)
        {
            var read = RandomAccess.Read(_handle, _copyBuffer.AsSpan(0, Math.Min(count, _copyBuffer.Length)), offset);
            if (read == 0)
            {
                throw new IOException("the spool file is shorter than what was written to it");
            }

            output.Write(_copyBuffer, 0, read);
            offset += read;
            count -= read;
        }
    }

    public void Dispose() => _file.Dispose();
}
