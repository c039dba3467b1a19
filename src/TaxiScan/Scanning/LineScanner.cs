using TaxiScan.Matching;

namespace TaxiScan.Scanning;

/// <summary>
/// The line path of the scanning stage, for unquoted data (nearly every large GPS file): reads the input
/// in large blocks, cuts it into rows at <c>\n</c> (a CRLF row keeps its <c>\r</c> for the output but not
/// for matching) and asks the matcher about each row. At the first row holding a double quote it hands
/// the rest of the file to the <see cref="QuotedScanner"/>, so a quoted field is never split by guesswork.
/// One instance per worker; its block buffer is reused from unit to unit.
/// </summary>
internal sealed class LineScanner(QuotedScanner quoted)
{
    /// <summary>The size of one read.</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>The longest row kept; a longer one is reported as malformed and skipped, so memory stays bounded.</summary>
    public const int MaxRowBytes = 16 << 20;

    /// <summary>The terminator given to a last line that has none (both paths).</summary>
    internal static readonly byte[] NewLine = "\n"u8.ToArray();

    private byte[] _buffer = new byte[BlockSize];

    public void Scan(Stream input, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
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
                        tally.Rows++;
                        tally.Malformed++;
                        sink.OnMalformed(tally.Line, MalformedKind.TooLong, $"line longer than {MaxRowBytes >> 20} MiB, skipped");
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
            tally.Bytes += read;

            // One vectorised look per block: rows are only checked for quotes in blocks that hold one.
            var blockHasQuote = plan.HandOverAtQuote && _buffer.AsSpan(searchFrom, filled - searchFrom).Contains((byte)'"');
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
                    var row = _buffer.AsSpan(rowStart, rowEnd - rowStart);
                    if (blockHasQuote && row.Contains((byte)'"'))
                    {
                        HandOver(input, rowStart, filled, plan, sink, tally, cancellation);
                        return;
                    }

                    OnRow(row, hasTerminator: true, plan, sink, tally);
                }

                tally.Line++;
                rowStart = rowEnd;
                searchFrom = rowEnd;
            }

            sink.OnBlock(tally.Bytes, tally.Rows, tally.Matched);
        }

        if (filled > rowStart && !skippingLongRow)
        {
            var row = _buffer.AsSpan(rowStart, filled - rowStart);
            if (plan.HandOverAtQuote && row.Contains((byte)'"'))
            {
                HandOver(input, rowStart, filled, plan, sink, tally, cancellation);
                return;
            }

            OnRow(row, hasTerminator: false, plan, sink, tally);
        }

        sink.OnBlock(tally.Bytes, tally.Rows, tally.Matched);
    }

    // The rest of the file, from the row with the quote on, is read by the quoted path: the unread
    // part of the buffer first, then the stream. Its bytes are counted there, so uncount them here.
    private void HandOver(Stream input, int rowStart, int filled, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
        var unread = _buffer.AsSpan(rowStart, filled - rowStart).ToArray();
        tally.Bytes -= unread.Length;
        quoted.Scan(new PrefixedStream(unread, input), plan, sink, tally, cancellation);
    }

    private static void OnRow(ReadOnlySpan<byte> row, bool hasTerminator, UnitPlan plan, IScanSink sink, UnitTally tally)
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

        if (tally.HeaderPending)
        {
            tally.HeaderPending = false;
            sink.OnHeader(row, hasTerminator ? default : NewLine);
            return;
        }

        tally.Rows++;
        switch (plan.LineMatcher.Classify(content))
        {
            case RowVerdict.Match:
                tally.Matched++;
                sink.OnMatch(row, hasTerminator ? default : NewLine);
                break;
            case RowVerdict.Malformed:
                tally.Malformed++;
                var (kind, reason) = plan.LineMatcher.Explain(content);
                sink.OnMalformed(tally.Line, kind, reason);
                break;
            case RowVerdict.NoMatch:
                break;
        }
    }
}
