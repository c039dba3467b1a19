using System.Diagnostics;
using TaxiScan.Matching;
using TaxiScan.Protocol;
using TaxiScan.Scanning;

namespace TaxiScan.Workers;

/// <summary>
/// The worker's bridge from the scanners to the pipe: batches matching rows into Rows frames (whole rows
/// only), forwards the first few malformed rows of each kind per unit as diagnostics (the rest are counted
/// and summed up at the end of the unit), and sends progress a few times a second. Flushing on time as
/// well as on size keeps <c>| head -1</c> prompt on sparse matches.
/// </summary>
internal sealed class FrameScanSink(FrameWriter frames, OutputTranscoder? transcoder) : IScanSink
{
    private static readonly long ProgressInterval = Stopwatch.Frequency / 10;
    private static readonly int KindCount = Enum.GetValues<MalformedKind>().Length;

    private readonly byte[] _batch = new byte[256 * 1024];
    private readonly long[] _malformedByKind = new long[KindCount];
    private int _batched;
    private int _unit;
    private long _partitionBytesBefore;
    private long _partitionRowsBefore;
    private long _partitionMatchesBefore;
    private long _lastProgress = Stopwatch.GetTimestamp();

    /// <summary>Points the sink at the next unit; <paramref name="partitionSoFar"/> are the totals of the units before it.</summary>
    public void BeginUnit(int unit, UnitStats partitionSoFar)
    {
        _unit = unit;
        _batched = 0;
        Array.Clear(_malformedByKind);
        _partitionBytesBefore = partitionSoFar.Bytes;
        _partitionRowsBefore = partitionSoFar.Rows;
        _partitionMatchesBefore = partitionSoFar.Matched;
    }

    public void OnDialect(Dialect dialect) => frames.Dialect(_unit, dialect);

    public void OnWarning(string text) =>
        frames.Diagnostic(_unit, 0, DiagnosticLevel.Warning, text);

    public void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator)
    {
        if (transcoder is not null)
        {
            frames.Header(_unit, transcoder.ToUtf8(header, addedTerminator));
            return;
        }

        frames.Header(_unit, header, addedTerminator);
    }

    public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator)
    {
        if (transcoder is not null)
        {
            row = transcoder.ToUtf8(row, addedTerminator);
            addedTerminator = default;
        }

        var length = row.Length + addedTerminator.Length;
        if (_batched + length > _batch.Length)
        {
            FlushRows();
        }

        if (length > _batch.Length)
        {
            frames.Rows(_unit, row, addedTerminator);
            return;
        }

        row.CopyTo(_batch.AsSpan(_batched));
        addedTerminator.CopyTo(_batch.AsSpan(_batched + row.Length));
        _batched += length;
    }

    public void OnMalformed(long line, MalformedKind kind, string reason)
    {
        // The coordinator caps these per file (and sums them up); the cap here keeps the pipe quiet.
        if (++_malformedByKind[(int)kind] <= MalformedCounts.ReportedPerKind)
        {
            frames.Diagnostic(_unit, line, DiagnosticLevel.Warning, reason, kind);
        }
    }

    /// <summary>The unit's malformed rows by kind, for its UnitFinished frame.</summary>
    public MalformedCounts MalformedByKind => MalformedCounts.From(_malformedByKind);

    /// <summary>After a unit: hands on the rows still batched.</summary>
    public void FinishUnit() => FlushRows();

    public void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _lastProgress < ProgressInterval)
        {
            return;
        }

        _lastProgress = now;
        FlushRows();
        frames.Progress(_partitionBytesBefore + bytesSoFar, _partitionRowsBefore + rowsSoFar, _partitionMatchesBefore + matchedSoFar);
        frames.Flush();
    }

    public void FlushRows()
    {
        if (_batched > 0)
        {
            frames.Rows(_unit, _batch.AsSpan(0, _batched));
            _batched = 0;
        }
    }
}
