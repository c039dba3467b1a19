using TaxiScan.Model;


namespace TaxiScan.Protocol;

/// <summary>
/// The worker's end of the protocol: encodes frames onto the worker's pipe. Small frames are coalesced
/// in a buffer; a frame is never split across two buffer flushes in a way the reader could see as whole,
/// because the reader only acts on a frame once its full length has arrived.
/// </summary>
internal sealed class FrameWriter(Stream pipe) : IDisposable
{
    public const int ProtocolVersion = 2;
    public const int HeaderSize = 5;

    private readonly BufferedStream _out = new(pipe, 256 * 1024);
    private readonly PayloadWriter _payload = new();
    private readonly byte[] _header = new byte[HeaderSize + 4];

    public void Hello(int workerIndex, int pid) =>
        Write(FrameType.Hello, _payload.Clear().Int32(ProtocolVersion).Int32(workerIndex).Int32(pid));

    public void UnitStarted(int unit) => Write(FrameType.UnitStarted, _payload.Clear().Int32(unit));

    public void Progress(long bytes, long rows, long matches) =>
        Write(FrameType.Progress, _payload.Clear().Int64(bytes).Int64(rows).Int64(matches));

    public void Diagnostic(int unit, long line, DiagnosticLevel level, string message, MalformedKind? kind = null) =>
        Write(FrameType.Diagnostic, _payload.Clear().Int32(unit).Int64(line).Byte((byte)level).String(message).Byte(kind is { } k ? (byte)k : NoKind));

    public void UnitFinished(int unit, UnitStatus status, UnitStats stats, MalformedCounts byKind = default) =>
        Write(FrameType.UnitFinished, Stats(_payload.Clear().Int32(unit).Byte((byte)status), stats)
            .Int64(byKind.NoDelimiter).Int64(byKind.ShortRow).Int64(byKind.BadQuoting).Int64(byKind.Binary).Int64(byKind.TooLong));

    public void Dialect(int unit, Dialect dialect) =>
        Write(FrameType.Dialect, _payload.Clear().Int32(unit)
            .Byte((byte)dialect.Delimiter.Kind).Byte(dialect.Delimiter.Byte)
            .Byte(dialect.Quoted ? (byte)1 : (byte)0).Byte(dialect.HasHeader ? (byte)1 : (byte)0).Byte(dialect.DelimiterGuessed ? (byte)1 : (byte)0)
            .Int32(dialect.IdColumn)
            .Byte(dialect.IdColumnName is null ? (byte)0 : (byte)1).String(dialect.IdColumnName ?? "")
            .Int32(dialect.ExpectedFields));

    /// <summary>The kind byte of a diagnostic that is not about a malformed row.</summary>
    internal const byte NoKind = 0xFF;

    public void PartitionFinished(int units, UnitStats totals) =>
        Write(FrameType.PartitionFinished, Stats(_payload.Clear().Int32(units), totals));

    /// <summary>
    /// Sends whole rows of one unit: <paramref name="rows"/> then <paramref name="tail"/> (a terminator
    /// added to a last line that had none). The caller never passes part of a row.
    /// </summary>
    public void Rows(int unit, ReadOnlySpan<byte> rows, ReadOnlySpan<byte> tail = default) =>
        WriteUnitBytes(FrameType.Rows, unit, rows, tail);

    /// <summary>Sends a unit's header line: <paramref name="header"/> then <paramref name="tail"/> (an added terminator).</summary>
    public void Header(int unit, ReadOnlySpan<byte> header, ReadOnlySpan<byte> tail = default) =>
        WriteUnitBytes(FrameType.Header, unit, header, tail);

    public void Flush() => Guard(_out.Flush);

    public void Dispose() => _out.Dispose();

    private static PayloadWriter Stats(PayloadWriter payload, UnitStats stats) =>
        payload.Int64(stats.Bytes).Int64(stats.Rows).Int64(stats.Matched).Int64(stats.Malformed).Int64(stats.ElapsedMicroseconds).Int64(stats.Lines);

    // Rows and Header frames: the unit index, then the bytes written straight from the caller's spans
    // (no copy into the payload buffer: a Rows frame carries up to 256 KiB).
    private void WriteUnitBytes(FrameType type, int unit, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> tail)
    {
        _header[0] = (byte)type;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(1), 4 + bytes.Length + tail.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(5), unit);
        Guard(() => _out.Write(_header, 0, HeaderSize + 4));
        Guard(bytes, span => _out.Write(span));
        Guard(tail, span => _out.Write(span));
    }

    private void Write(FrameType type, PayloadWriter payload)
    {
        _header[0] = (byte)type;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(1), payload.Length);
        Guard(() => _out.Write(_header, 0, HeaderSize));
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

/// <summary>The worker's pipe is closed at the far end: the coordinator is gone or has stopped the run.</summary>
internal sealed class CoordinatorGoneException(Exception inner) : Exception("the coordinating process closed the pipe", inner);
