using System.Text;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// The scanning stage for one unit: reads the start of the input, drops a UTF-8 byte order mark, settles
/// the dialect (<see cref="DialectSniffer"/>) and runs the line path or the quoted path over the whole
/// input, sample included, or over the rows of one byte range of it. One instance per worker.
/// </summary>
internal sealed class UnitScanner
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly MatchSpec _spec;
    private readonly Encoding _encoding;
    private readonly IdTest _ids;
    private readonly QuotedScanner _quoted = new();
    private readonly LineScanner _lines;
    private readonly byte[] _sample = new byte[DialectSniffer.SampleBytes];
    private readonly bool _exactPathOnly;

    /// <param name="spec">What to match.</param>
    /// <param name="exactPathOnly">Judge every row on the exact path (for <c>--strict</c>, and to test the fast path against).</param>
    public UnitScanner(MatchSpec spec, bool exactPathOnly = false)
    {
        _exactPathOnly = exactPathOnly;
        _spec = spec;
        _encoding = TextEncodings.Get(spec.InputEncoding);
        _ids = IdTest.Create(spec.Ids, spec.Numeric, _encoding);
        _lines = new LineScanner(_quoted);
    }

    /// <summary>Scans a whole input (see the other overload); without a byte range, no quote ends it early.</summary>
    public UnitStats Scan(Stream input, bool everyRow, IScanSink sink, CancellationToken cancellation) =>
        Scan(input, range: null, everyRow, sink, cancellation).Stats;

    /// <param name="input">The unit's bytes, from the start; seekable when <paramref name="range"/> is given.</param>
    /// <param name="range">The byte range to scan; null for the whole input. Every range is sniffed from the file's start.</param>
    /// <param name="everyRow">The unit was selected whole (its id is in its path): every data row matches.</param>
    /// <param name="sink">Receives the dialect, the header, the matching rows and the malformed ones.</param>
    /// <param name="cancellation">Stops the scan between blocks.</param>
    /// <exception cref="UnitRejectedException">The unit's dialect does not allow the search.</exception>
    /// <returns>The unit's counts, and <see cref="ScanEnd.QuoteInRange"/> when a bounded range holds a quote.</returns>
    public UnitScanResult Scan(Stream input, ByteRange? range, bool everyRow, IScanSink sink, CancellationToken cancellation)
    {
        var tally = new UnitTally();
        var filled = 0;
        int read;
        while (filled < _sample.Length && (read = input.Read(_sample, filled, _sample.Length - filled)) > 0)
        {
            filled += read;
        }

        var wholeFile = filled < _sample.Length;
        if (_sample.AsSpan(0, filled).StartsWith([(byte)0xFF, (byte)0xFE]) || _sample.AsSpan(0, filled).StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            // Every other byte would be NUL: rows would all be "binary" and the file would look empty of the ids.
            throw new UnitRejectedException("UTF-16 text (byte order mark) is not supported; convert it first, e.g. iconv -f UTF-16 -t UTF-8");
        }

        var firstPart = range is not { Start: > 0 };
        if (LooksBinary(_sample.AsSpan(0, filled)))
        {
            // A binary file named like data (`.dat` is often binary) would otherwise give a flood of
            // malformed-row reports: skip it in one line, as a FIFO found in a directory is. Every part
            // of a cut file sees the same start, and only the first says so.
            if (firstPart)
            {
                sink.OnWarning("skipped: binary data, not text (most of its first 64 KiB is in lines with NUL bytes)");
            }

            return new UnitScanResult(tally.ToStats(), ScanEnd.Finished);
        }

        var bom = _sample.AsSpan(0, filled).StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        tally.Bytes = bom;
        var sniffed = DialectSniffer.Sniff(_sample.AsSpan(bom, filled - bom), wholeFile, _spec, _encoding);
        foreach (var warning in firstPart ? sniffed.Warnings : [])
        {
            sink.OnWarning(warning); // said once per file, by its first part
        }

        if (sniffed.Dialect is not { } dialect)
        {
            throw new UnitRejectedException(sniffed.Error!);
        }

        if (firstPart)
        {
            sink.OnDialect(dialect);
        }

        var quotesAllowed = range is not { IsBounded: true };
        if (dialect.Quoted && !quotesAllowed)
        {
            return new UnitScanResult(tally.ToStats(), ScanEnd.QuoteInRange);
        }

        tally.HeaderPending = dialect.HasHeader && firstPart;
        // A guessed delimiter means the file did not look like CSV: judge each of its rows, to report them.
        var plan = everyRow
            ? new UnitPlan(dialect, EveryRowMatcher.Instance, Ids: null, QuotesAllowed: quotesAllowed)
            : new UnitPlan(dialect, new LineRowMatcher(_ids, dialect), _ids,
                _exactPathOnly || dialect.DelimiterGuessed ? null : CandidateSearch.For(_ids, dialect), quotesAllowed);
        Stream stream;
        if (range is { } part)
        {
            stream = new RowRangeStream(input, firstPart ? bom : part.Start, part.End, startsAtRow: firstPart);
            tally.Bytes = firstPart ? bom : 0;
        }
        else
        {
            stream = new PrefixedStream(_sample.AsMemory(bom, filled - bom), input);
        }

        if (dialect.Quoted)
        {
            _quoted.Scan(stream, plan, sink, tally, cancellation);
        }
        else
        {
            _lines.Scan(stream, plan, sink, tally, cancellation);
        }

        // The line path stops at a quote in a bounded range and says so in the tally (it is deep in a block loop there).
        return new UnitScanResult(tally.ToStats(), tally.QuoteMetInRange ? ScanEnd.QuoteInRange : ScanEnd.Finished);
    }

    // Real GPS files do hold the odd NUL byte (a row torn by a crash, a garbage line): those rows are
    // reported as malformed and the rest is read. A file is binary only when its start is at least 4 KiB,
    // holds NUL bytes as often as random bytes do (1 in 512 or more), and at least half of it is in lines
    // with a NUL byte: a zeroed file, an executable, compressed or random bytes.
    private static bool LooksBinary(ReadOnlySpan<byte> start)
    {
        if (start.Length < 4096 || start.Count((byte)0) * 512 < start.Length)
        {
            return false;
        }

        var inNulLines = 0;
        for (var rest = start; !rest.IsEmpty;)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..(end + 1)];
            if (line.Contains((byte)0))
            {
                inNulLines += line.Length;
            }

            rest = rest[line.Length..];
        }

        return inNulLines * 2 >= start.Length;
    }
}
