using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// The line path of the scanning stage, for unquoted data (nearly every large GPS file): reads the input
/// in large blocks and, block by block, takes the fast path (a vectorised search for candidate rows, the
/// rest skipped unsplit) or the exact path (cuts every row at <c>\n</c> and asks the matcher about it).
/// Both give the same rows; a CRLF row keeps its <c>\r</c> for the output but not for matching. At the
/// first row holding a double quote it hands the rest of the file to the <see cref="QuotedScanner"/>,
/// so a quoted field is never split by guesswork.
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

    private readonly List<int> _needleHits = [];
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
                        sink.OnMalformed(tally.Line, MalformedKind.TooLong, $"line of {MaxRowBytes >> 20} MiB or more, skipped");
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

            // The whole lines now in the buffer: from the unfinished row's start to the last line break.
            var lastBreak = _buffer.AsSpan(searchFrom, filled - searchFrom).LastIndexOf((byte)'\n');
            if (lastBreak >= 0)
            {
                var linesEnd = searchFrom + lastBreak + 1;
                if (skippingLongRow || !TryFastPath(_buffer.AsSpan(rowStart, linesEnd - rowStart), plan, sink, tally))
                {
                    if (!ScanRowByRow(input, rowStart, linesEnd, filled, ref skippingLongRow, plan, sink, tally, cancellation))
                    {
                        return; // handed over to the quoted path, or the sink has all it wants
                    }
                }

                rowStart = linesEnd;
                if (sink.IsSatisfied)
                {
                    sink.OnBlock(tally.Bytes, tally.Rows, tally.Matched);
                    return;
                }
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

    /// <summary>
    /// The fast path over whole lines: only candidate rows (<see cref="CandidateSearch"/>) are cut out and
    /// checked; the lines are counted in bulk. Declines (returns false) when the block needs the exact
    /// path: the header is still to come, or the census shows binary data, a quote the quoted path must
    /// read, or fewer delimiters than its lines need (a short or undelimited row to report).
    /// </summary>
    private bool TryFastPath(ReadOnlySpan<byte> lines, UnitPlan plan, IScanSink sink, UnitTally tally)
    {
        if (plan.Search is not { } search || tally.HeaderPending)
        {
            return false;
        }

        var dialect = plan.Dialect;
        var needle = BlockCensus.FiltersNeedles ? search.Needle : null;
        _needleHits.Clear();
        var census = BlockCensus.Of(lines, dialect.Delimiter.Byte, needle, _needleHits);
        var delimitersPerRow = Math.Max(1, Math.Max(dialect.IdColumn, dialect.ExpectedFields - 1));
        if (census.HasNul || (census.HasQuote && plan.HandOverAtQuote)
            || (dialect.Delimiter.Kind == DelimiterKind.Byte && census.Delimiters < (long)census.LineBreaks * delimitersPerRow))
        {
            return false;
        }

        var countedTo = 0;          // line numbers are only worked out for a malformed candidate (or any, for -n)
        var countedLine = tally.Line;
        var wantsLines = sink.WantsLineNumbers;
        var at = 0;
        var nextHit = 0;
        while (at < lines.Length)
        {
            var candidate = needle is null ? search.NextCandidate(lines, at) : NextCandidateOfHits(search, lines, at, ref nextHit);
            if (candidate < 0)
            {
                break;
            }

            var end = candidate + lines[candidate..].IndexOf((byte)'\n') + 1; // whole lines: there is one
            var row = lines[candidate..end];
            var content = Content(row, hasTerminator: true);
            var verdict = plan.LineMatcher.Classify(content);
            if (verdict == RowVerdict.Malformed || (wantsLines && verdict == RowVerdict.Match))
            {
                countedLine += lines[countedTo..candidate].Count((byte)'\n');
                countedTo = candidate;
            }

            Settle(verdict, row, content, hasTerminator: true, countedLine, plan, sink, tally);
            at = end;
            if (sink.IsSatisfied)
            {
                break; // the block's lines are still counted whole: the unit ends after this block
            }
        }

        tally.Rows += census.LineBreaks;
        tally.Line += census.LineBreaks;
        return true;
    }

    // The census found the search's needle filter at the positions in _needleHits: the next real candidate row at or after `at`.
    private int NextCandidateOfHits(CandidateSearch search, ReadOnlySpan<byte> lines, int at, ref int nextHit)
    {
        if (at == 0 && search.FirstRowIsCandidate(lines))
        {
            return 0;
        }

        for (; nextHit < _needleHits.Count; nextHit++)
        {
            var row = search.RowOfHit(lines, _needleHits[nextHit]);
            if (row >= at)
            {
                nextHit++;
                return row;
            }
        }

        return -1;
    }

    /// <summary>The exact path over whole lines <c>[from, to)</c>: every row is cut out and judged.</summary>
    /// <returns>False when a row holding a quote handed the rest of the file to the quoted path, or the sink is satisfied.</returns>
    private bool ScanRowByRow(
        Stream input, int from, int to, int filled, ref bool skippingLongRow, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
        // One vectorised look per block: rows are only checked for quotes in blocks that hold one.
        var blockHasQuote = plan.HandOverAtQuote && _buffer.AsSpan(from, to - from).Contains((byte)'"');
        var rowStart = from;
        while (rowStart < to)
        {
            var rowEnd = rowStart + _buffer.AsSpan(rowStart, to - rowStart).IndexOf((byte)'\n') + 1;
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
                    return false;
                }

                var matchedBefore = tally.Matched;
                OnRow(row, hasTerminator: true, plan, sink, tally);
                if (tally.Matched != matchedBefore && sink.IsSatisfied)
                {
                    tally.Line++;
                    return false; // asked only after a match: the exact path pays nothing per row for --max-count
                }
            }

            tally.Line++;
            rowStart = rowEnd;
        }

        return true;
    }

    // The rest of the file, from the row with the quote on, is read by the quoted path: the unread part of the
    // buffer, then the stream (its bytes are counted there, so uncount them here). A bounded byte range cannot be
    // handed over (its cuts assumed line breaks end rows): the scan stops, the tally says why, and both callers return.
    private void HandOver(Stream input, int rowStart, int filled, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
        if (!plan.QuotesAllowed)
        {
            tally.QuoteMetInRange = true;
            return;
        }

        var unread = _buffer.AsSpan(rowStart, filled - rowStart).ToArray();
        tally.Bytes -= unread.Length;
        quoted.Scan(new PrefixedStream(unread, input), plan, sink, tally, cancellation);
    }

    private static void OnRow(ReadOnlySpan<byte> row, bool hasTerminator, UnitPlan plan, IScanSink sink, UnitTally tally)
    {
        var content = Content(row, hasTerminator);
        if (content.IsEmpty)
        {
            // A blank line is read (the fast path counts every line, so the counts do not depend on which
            // path a block took) but is never a match, a header or malformed.
            tally.Rows++;
            return;
        }

        if (tally.HeaderPending)
        {
            tally.HeaderPending = false;
            sink.OnHeader(row, hasTerminator ? default : NewLine);
            return;
        }

        tally.Rows++;
        Settle(plan.LineMatcher.Classify(content), row, content, hasTerminator, tally.Line, plan, sink, tally);
    }

    // The row without its line terminator (\n or \r\n).
    private static ReadOnlySpan<byte> Content(ReadOnlySpan<byte> row, bool hasTerminator)
    {
        var content = hasTerminator ? row[..^1] : row;
        return content.Length > 0 && content[^1] == (byte)'\r' ? content[..^1] : content;
    }

    private static void Settle(
        RowVerdict verdict, ReadOnlySpan<byte> row, ReadOnlySpan<byte> content, bool hasTerminator, long line, UnitPlan plan, IScanSink sink, UnitTally tally)
    {
        switch (verdict)
        {
            case RowVerdict.Match:
                tally.Matched++;
                sink.OnMatch(row, hasTerminator ? default : NewLine, sink.WantsLineNumbers ? line : 0);
                break;
            case RowVerdict.Malformed:
                tally.Malformed++;
                var (kind, reason) = plan.LineMatcher.Explain(content);
                sink.OnMalformed(line, kind, reason);
                break;
            case RowVerdict.NoMatch:
                break;
        }
    }
}
