using System.Diagnostics;
using TaxiScan.Matching;

namespace TaxiScan.Scanning;

/// <summary>
/// The scanning stage: reads one input in large blocks, cuts it into rows at <c>\n</c> (a CRLF row
/// keeps its <c>\r</c> for the output but not for matching), and asks the matcher about each row.
/// One instance per worker; its block buffer is reused from unit to unit.
/// </summary>
internal sealed class RowScanner(IRowMatcher matcher)
{
    /// <summary>The size of one read.</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>The longest row kept; a longer one is reported as malformed and skipped, so memory stays bounded.</summary>
    public const int MaxRowBytes = 16 << 20;

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private byte[] _buffer = new byte[BlockSize];

    public UnitStats Scan(Stream input, IScanSink sink, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var state = new ScanState();
        var filled = 0;       // bytes of _buffer holding data
        var rowStart = 0;     // where the current, unfinished row begins
        var skippingLongRow = false;

        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (rowStart > 0)
            {
                // Keep the unfinished row at the front so the next read has room behind it.
                _buffer.AsSpan(rowStart, filled - rowStart).CopyTo(_buffer);
                filled -= rowStart;
                rowStart = 0;
            }

            if (filled == _buffer.Length)
            {
                if (_buffer.Length < MaxRowBytes)
                {
                    Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRowBytes));
                }
                else
                {
                    // A row longer than any real GPS fix: report it once and drop bytes up to its end.
                    if (!skippingLongRow)
                    {
                        state.Rows++;
                        state.Malformed++;
                        sink.OnMalformed(state.Line, $"row longer than {MaxRowBytes >> 20} MiB, skipped");
                    }

                    skippingLongRow = true;
                    filled = 0;
                }
            }

            var read = input.Read(_buffer, filled, _buffer.Length - filled);
            if (read == 0)
            {
                break;
            }

            var searchFrom = filled;
            filled += read;
            state.Bytes += read;
            while (true)
            {
                var newline = _buffer.AsSpan(searchFrom, filled - searchFrom).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                var rowEnd = searchFrom + newline + 1;
                if (skippingLongRow)
                {
                    skippingLongRow = false;
                }
                else
                {
                    OnRow(_buffer.AsSpan(rowStart, rowEnd - rowStart), hasTerminator: true, sink, ref state);
                }

                state.Line++;
                rowStart = rowEnd;
                searchFrom = rowEnd;
            }

            sink.OnBlock(state.Bytes, state.Rows, state.Matched);
        }

        if (filled > rowStart && !skippingLongRow)
        {
            OnRow(_buffer.AsSpan(rowStart, filled - rowStart), hasTerminator: false, sink, ref state);
        }

        sink.OnBlock(state.Bytes, state.Rows, state.Matched);
        return new UnitStats(state.Bytes, state.Rows, state.Matched, state.Malformed, (long)clock.Elapsed.TotalMicroseconds);
    }

    private void OnRow(ReadOnlySpan<byte> row, bool hasTerminator, IScanSink sink, ref ScanState state)
    {
        var content = hasTerminator ? row[..^1] : row;
        if (content.Length > 0 && content[^1] == (byte)'\r')
        {
            content = content[..^1];
        }

        if (content.IsEmpty)
        {
            return; // blank lines are not rows
        }

        state.Rows++;
        switch (matcher.Classify(content))
        {
            case RowVerdict.Match:
                state.Matched++;
                sink.OnMatch(row, hasTerminator ? default : NewLine);
                break;
            case RowVerdict.Malformed:
                state.Malformed++;
                sink.OnMalformed(state.Line, matcher.ExplainMalformed(content));
                break;
            case RowVerdict.NoMatch:
                break;
        }
    }

    private struct ScanState
    {
        public long Bytes;
        public long Rows;
        public long Matched;
        public long Malformed;
        public long Line;

        public ScanState() => Line = 1;
    }
}
