using System.Diagnostics;
using TaxiScan.Protocol;
using TaxiScan.Scanning;

namespace TaxiScan.Workers;

/// <summary>
/// The worker's bridge from the scanner to the pipe: batches matching rows into Rows frames (whole rows
/// only), forwards the first few malformed rows of each unit as diagnostics, and sends progress a few
/// times a second. Flushing on time as well as on size keeps <c>| head -1</c> prompt on sparse matches.
/// </summary>
internal sealed class FrameScanSink(FrameWriter frames) : IScanSink
{
    /// <summary>Malformed rows reported one by one per unit; the rest are counted.</summary>
    public const int ReportedMalformedPerUnit = 5;

    private static readonly long ProgressInterval = Stopwatch.Frequency / 10;

    private readonly byte[] _batch = new byte[256 * 1024];
    private int _batched;
    private int _unit;
    private long _partitionBytesBefore;
    private long _partitionRowsBefore;
    private long _partitionMatchesBefore;
    private long _lastProgress = Stopwatch.GetTimestamp();

    public long MalformedInUnit { get; private set; }

    /// <summary>Points the sink at the next unit; <paramref name="partitionSoFar"/> are the totals of the units before it.</summary>
    public void BeginUnit(int unit, UnitStats partitionSoFar)
    {
        _unit = unit;
        _batched = 0;
        MalformedInUnit = 0;
        _partitionBytesBefore = partitionSoFar.Bytes;
        _partitionRowsBefore = partitionSoFar.Rows;
        _partitionMatchesBefore = partitionSoFar.Matched;
    }

    public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator)
    {
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

    public void OnMalformed(long line, string reason)
    {
        MalformedInUnit++;
        if (MalformedInUnit <= ReportedMalformedPerUnit)
        {
            frames.Diagnostic(_unit, line, DiagnosticLevel.Warning, reason);
        }
    }

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
