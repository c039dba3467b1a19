using System.Diagnostics;
using System.Text;
using TaxiScan.Model;
using TaxiScan.Protocol;
using TaxiScan.Scanning;

namespace TaxiScan.Workers;

/// <summary>
/// The worker's bridge from the scanners to the pipe: batches matching rows into Rows frames (whole rows
/// only), forwards the first few malformed rows of each kind per unit as diagnostics (the rest are counted
/// and summed up at the end of the unit), and sends progress a few times a second. Flushing on time as
/// well as on size keeps <c>| head -1</c> prompt on sparse matches. It applies the <see cref="RowDelivery"/>:
/// rows or only their count, at most so many per unit, the path and line fields put in front.
/// </summary>
/// <param name="frames">The pipe to the coordinator.</param>
/// <param name="transcoder">Converts rows to UTF-8 (<c>--output-encoding</c>), or null to send them as they are.</param>
/// <param name="delivery">What the output mode needs of the matches.</param>
/// <param name="textEncoding">The encoding of the printed rows, for the path field.</param>
internal sealed class FrameScanSink(FrameWriter frames, OutputTranscoder? transcoder, RowDelivery delivery, Encoding textEncoding) : IScanSink
{
    private static readonly long ProgressInterval = Stopwatch.Frequency / ProtocolLimits.ProgressFramesPerSecond;
    private static readonly int KindCount = Enum.GetValues<MalformedKind>().Length;

    private readonly byte[] _batch = new byte[ProtocolLimits.RowsBatchBytes];
    private readonly long[] _malformedByKind = new long[KindCount];
    private readonly byte[] _prefix = new byte[ProtocolLimits.RowPrefixBytes];
    private int _batched;
    private int _unit;
    private string _displayPath = "";
    private long _matches;
    private int _pathFieldLength; // the path field and a delimiter, at the start of _prefix
    private byte _delimiter = (byte)',';
    private long _partitionBytesBefore;
    private long _partitionRowsBefore;
    private long _partitionMatchesBefore;
    private long _lastProgress = Stopwatch.GetTimestamp();

    /// <summary>Points the sink at the next unit; <paramref name="partitionSoFar"/> are the totals of the units before it.</summary>
    public void BeginUnit(WorkUnit unit, UnitStats partitionSoFar)
    {
        _unit = unit.Index;
        _displayPath = unit.DisplayPath;
        _matches = 0;
        _delimiter = (byte)',';
        _pathFieldLength = delivery.FileNameField ? PathField() : 0;
        _batched = 0;
        Array.Clear(_malformedByKind);
        _partitionBytesBefore = partitionSoFar.Bytes;
        _partitionRowsBefore = partitionSoFar.Rows;
        _partitionMatchesBefore = partitionSoFar.Matched;
    }

    public bool WantsLineNumbers => delivery.LineNumberField;

    public bool IsSatisfied => _matches >= delivery.MatchesPerUnit;

    public void OnDialect(Dialect dialect)
    {
        frames.Dialect(_unit, dialect);
        _delimiter = dialect.Delimiter.Byte; // a space for blank-separated files
        _pathFieldLength = delivery.FileNameField ? PathField() : 0;
    }

    public void OnWarning(string text) =>
        frames.Diagnostic(_unit, 0, DiagnosticLevel.Warning, text);

    public void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator)
    {
        if (delivery.FileNameField || delivery.LineNumberField)
        {
            // The header names the fields put in front of the rows, so the output stays one CSV table.
            byte[] names = [.. delivery.FileNameField ? [.. "file"u8, _delimiter] : Array.Empty<byte>(), .. delivery.LineNumberField ? [.. "line"u8, _delimiter] : Array.Empty<byte>()];
            var row = transcoder is null ? [.. header, .. addedTerminator] : transcoder.ToUtf8(header, addedTerminator).ToArray();
            frames.Header(_unit, [.. names, .. row], default);
            return;
        }

        if (transcoder is not null)
        {
            frames.Header(_unit, transcoder.ToUtf8(header, addedTerminator));
            return;
        }

        frames.Header(_unit, header, addedTerminator);
    }

    public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator, long line)
    {
        if (IsSatisfied)
        {
            return; // the rest of a block the fast path had already searched
        }

        _matches++;
        if (!delivery.SendRows)
        {
            return;
        }

        if (transcoder is not null)
        {
            row = transcoder.ToUtf8(row, addedTerminator);
            addedTerminator = default;
        }

        var prefix = Prefix(line);
        if (prefix.Length > 0)
        {
            if (_batched + prefix.Length > _batch.Length)
            {
                FlushRows();
            }

            // The fields go in the same unit's rows just before the row: frames of a unit are concatenated.
            prefix.CopyTo(_batch.AsSpan(_batched));
            _batched += prefix.Length;
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

    // The path field (quoted when it holds the delimiter, a quote, a line break or, for blank-separated
    // files, a blank) and a delimiter, into _prefix; returns its length.
    private int PathField()
    {
        var path = textEncoding.GetBytes(_displayPath);
        var needsQuotes = path.AsSpan().IndexOfAny([_delimiter, (byte)'"', (byte)'\n', (byte)'\r']) >= 0
            || (_delimiter == (byte)' ' && path.AsSpan().Contains((byte)'\t'));
        var field = needsQuotes ? [(byte)'"', .. textEncoding.GetBytes(_displayPath.Replace("\"", "\"\"", StringComparison.Ordinal)), (byte)'"'] : path;
        var length = Math.Min(field.Length, _prefix.Length - 32); // room for the line number
        field.AsSpan(0, length).CopyTo(_prefix);
        _prefix[length] = _delimiter;
        return length + 1;
    }

    // The fields put in front of a row: the path field (made once per unit) and the line number.
    private ReadOnlySpan<byte> Prefix(long line)
    {
        var length = _pathFieldLength;
        if (delivery.LineNumberField)
        {
            line.TryFormat(_prefix.AsSpan(length), out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
            length += digits;
            _prefix[length++] = _delimiter;
        }

        return _prefix.AsSpan(0, length);
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
