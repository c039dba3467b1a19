using System.Buffers.Binary;
using TaxiScan.Model;

namespace TaxiScan.Protocol;

/// <summary>
/// Protocol stage, the worker's end: frames onto the worker's pipe, each payload laid out by its codec.
/// Small frames are coalesced in a buffer; a frame split across two buffer flushes is harmless, because
/// the reader only acts on a frame once its full length has arrived.
/// </summary>
internal sealed class FrameWriter(Stream pipe) : IDisposable
{
    /// <summary>Kept for callers that name the version here; <see cref="ProtocolLimits.Version"/> is the one place it is set.</summary>
    public const int ProtocolVersion = ProtocolLimits.Version;

    private readonly BufferedStream _out = new(pipe, ProtocolLimits.WriterBufferBytes);
    private readonly PayloadWriter _payload = new();
    private readonly byte[] _header = new byte[ProtocolLimits.FrameHeaderBytes + RowsCodec.PrefixBytes];

    public void Hello(int workerIndex, int pid) =>
        Write(FrameType.Hello, HelloCodec.Write(_payload.Clear(), ProtocolLimits.Version, workerIndex, pid));

    public void UnitStarted(int unit) => Write(FrameType.UnitStarted, UnitStartedCodec.Write(_payload.Clear(), unit));

    public void Progress(long bytes, long rows, long matches) =>
        Write(FrameType.Progress, ProgressCodec.Write(_payload.Clear(), bytes, rows, matches));

    public void Diagnostic(int unit, long line, DiagnosticLevel level, string message, MalformedKind? kind = null) =>
        Write(FrameType.Diagnostic, DiagnosticCodec.Write(_payload.Clear(), unit, line, level, message, kind));

    public void UnitFinished(int unit, UnitStatus status, UnitStats stats, MalformedCounts byKind = default) =>
        Write(FrameType.UnitFinished, UnitFinishedCodec.Write(_payload.Clear(), unit, status, stats, byKind));

    public void Dialect(int unit, Dialect dialect) => Write(FrameType.Dialect, DialectCodec.Write(_payload.Clear(), unit, dialect));

    public void PartitionFinished(int units, UnitStats totals) =>
        Write(FrameType.PartitionFinished, PartitionFinishedCodec.Write(_payload.Clear(), units, totals));

    /// <summary>
    /// Sends whole rows of one unit: <paramref name="rows"/> then <paramref name="tail"/> (a terminator
    /// added to a last line that had none). The caller never passes part of a row.
    /// </summary>
    public void Rows(int unit, ReadOnlySpan<byte> rows, ReadOnlySpan<byte> tail = default)
    {
        RowsCodec.WritePrefix(_header.AsSpan(ProtocolLimits.FrameHeaderBytes), unit);
        WriteWithPrefix(FrameType.Rows, RowsCodec.PrefixBytes, rows, tail);
    }

    /// <summary>Sends a unit's header line: <paramref name="header"/> then <paramref name="tail"/> (an added terminator).</summary>
    public void Header(int unit, ReadOnlySpan<byte> header, ReadOnlySpan<byte> tail = default)
    {
        HeaderCodec.WritePrefix(_header.AsSpan(ProtocolLimits.FrameHeaderBytes), unit);
        WriteWithPrefix(FrameType.Header, HeaderCodec.PrefixBytes, header, tail);
    }

    public void Flush() => Guard(_out.Flush);

    public void Dispose() => _out.Dispose();

    // Rows and Header frames: the codec's prefix (already in _header), then the bytes written straight
    // from the caller's spans, with no copy into the payload buffer.
    private void WriteWithPrefix(FrameType type, int prefixBytes, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> tail)
    {
        _header[0] = (byte)type;
        BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(1), prefixBytes + bytes.Length + tail.Length);
        Guard(() => _out.Write(_header, 0, ProtocolLimits.FrameHeaderBytes + prefixBytes));
        Guard(bytes, span => _out.Write(span));
        Guard(tail, span => _out.Write(span));
    }

    private void Write(FrameType type, PayloadWriter payload)
    {
        _header[0] = (byte)type;
        BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(1), payload.Length);
        Guard(() => _out.Write(_header, 0, ProtocolLimits.FrameHeaderBytes));
        Guard(payload.Written, span => _out.Write(span));
    }

    // A write fails only when the coordinator has closed its end (it died, or stopped the run).
    // Say so with a type of its own, so that a worker never mistakes it for an input file's I/O error.
    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new CoordinatorGoneException(e);
        }
    }

    private static void Guard(ReadOnlySpan<byte> bytes, SpanWriter write)
    {
        try
        {
            write(bytes);
        }
        catch (IOException e)
        {
            throw new CoordinatorGoneException(e);
        }
    }

    private delegate void SpanWriter(ReadOnlySpan<byte> bytes);
}
