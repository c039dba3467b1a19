using CsvHelper;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// The quoted path of the scanning stage: CsvHelper reads RFC 4180 records (delimiters, doubled quotes
/// and line breaks inside quotes), the id test looks at the unquoted id field, and a matching record is
/// written as the exact bytes it has in the input, line breaks and terminator included (taken from a
/// <see cref="RetainingStream"/> under the reader).
/// A broken quote must not swallow the rest of the file: a record with bad quoting that spans lines, or
/// one longer than <see cref="LineScanner.MaxRowBytes"/>, is reported at its first line, and the file is
/// read again from the next line with line breaks ending records whatever the quotes say.
/// </summary>
internal sealed class QuotedScanner
{
    private const int ProgressEveryRecords = 4096;

    public void Scan(Stream input, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
        var source = input;
        var lineBreaksInQuotes = true;
        while (ScanFrom(source, lineBreaksInQuotes, plan, sink, tally, cancellation) is { } rest)
        {
            // Restart after a broken record: what was read past its first line, then the unread input.
            source = new PrefixedStream(rest, source);
            lineBreaksInQuotes = false;
        }
    }

    /// <returns>Null at the end of the input, or once the sink is satisfied; else the bytes to read again (see the type's summary).</returns>
    private static byte[]? ScanFrom(Stream input, bool lineBreaksInQuotes, UnitPlan plan, IScanSink sink, UnitTally tally, CancellationToken cancellation)
    {
        var dialect = plan.Dialect;
        var tap = new RetainingStream(input);
        CsvMalformedRecord? badQuoting = null;
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = (char)dialect.Delimiter.Byte,
            AllowLineBreaksInQuotes = lineBreaksInQuotes,
            TrackLineNumbers = true,
            MaxRecordSize = LineScanner.MaxRowBytes,
            OnMalformedRecord = record => badQuoting = record,
        };

        var firstLine = tally.Line;
        var bytesBefore = tally.Bytes;
        long nextRecordAt = 0; // just past the last record's terminator
        var nextRecordLine = firstLine;
        using var reader = CsvReader.Create(tap, options, leaveOpen: true);
        try
        {
            while (reader.Read())
            {
                var start = reader.ByteOffset;
                var raw = reader.RawRecord;
                var end = start + raw.Length;
                var terminator = TerminatorLength(tap, end);
                var line = firstLine + reader.LineNumber - 1;
                var rowBreaks = raw.Count((byte)'\n');
                nextRecordAt = end + terminator;
                nextRecordLine = line + rowBreaks + 1;
                tally.Line = line;

                // A stray quote inside an unquoted field (ab"c) is kept as text, as RFC 4180 readers do; other bad quoting is malformed.
                if (badQuoting is { } bad && bad.RecordNumber == reader.RowNumber && bad.Reason != CsvMalformedReason.StrayQuote)
                {
                    badQuoting = null;
                    tally.Rows++;
                    tally.Malformed++;
                    if (lineBreaksInQuotes && rowBreaks > 0)
                    {
                        sink.OnMalformed(line, MalformedKind.UnterminatedQuote,
                            $"a quote here is not closed properly ({Describe(bad.Reason)}); the rest of the file is read one line per row");
                        var firstBreak = start + raw.IndexOf((byte)'\n') + 1;
                        tally.Line = line + 1;
                        tally.Bytes = bytesBefore + firstBreak;
                        return tap.CopyFrom(firstBreak);
                    }

                    sink.OnMalformed(line, MalformedKind.UnterminatedQuote, $"bad quoting: {Describe(bad.Reason)}");
                    tap.Release(nextRecordAt);
                    continue;
                }

                badQuoting = null;
                var record = tap.Slice(start, nextRecordAt);
                var added = terminator == 0 ? LineScanner.NewLine : default;
                if (tally.HeaderPending)
                {
                    tally.HeaderPending = false;
                    sink.OnHeader(record, added);
                    tap.Release(nextRecordAt);
                    continue;
                }

                tally.Rows++;
                var (verdict, kind, reason) = Classify(reader, raw, plan);
                if (verdict == RowVerdict.Match)
                {
                    tally.Matched++;
                    sink.OnMatch(record, added, line);
                    if (sink.IsSatisfied)
                    {
                        tally.Bytes = bytesBefore + nextRecordAt;
                        tally.Line = nextRecordLine;
                        return null;
                    }
                }
                else if (verdict == RowVerdict.Malformed)
                {
                    tally.Malformed++;
                    sink.OnMalformed(line, kind, reason);
                }

                tap.Release(nextRecordAt);
                if (reader.RowNumber % ProgressEveryRecords == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    sink.OnBlock(bytesBefore + tap.BytesRead, tally.Rows, tally.Matched);
                }
            }
        }
        catch (CsvFormatException)
        {
            // The record after the last one read outgrew MaxRecordSize (a quote left open, or a huge line).
            tally.Rows++;
            tally.Malformed++;
            sink.OnMalformed(nextRecordLine, MalformedKind.TooLong,
                $"row of {LineScanner.MaxRowBytes >> 20} MiB or more (a quote left open?); skipped to the next line");
            var resume = SkipLine(tap, nextRecordAt);
            tally.Line = nextRecordLine + 1;
            tally.Bytes = bytesBefore + (resume < 0 ? tap.BytesRead : resume);
            return resume < 0 ? null : tap.CopyFrom(resume);
        }

        tally.Bytes = bytesBefore + tap.BytesRead;
        tally.Line = nextRecordLine;
        sink.OnBlock(tally.Bytes, tally.Rows, tally.Matched);
        return null;
    }

    private static (RowVerdict, MalformedKind, string) Classify(CsvReader reader, ReadOnlySpan<byte> raw, UnitPlan plan)
    {
        var dialect = plan.Dialect;
        var fields = reader.FieldCount;
        if (fields < 2)
        {
            return (RowVerdict.Malformed, MalformedKind.NoDelimiter, $"no '{Dialect.Printable(dialect.Delimiter.Byte)}' delimiter: a row needs at least 2 fields");
        }

        if (fields <= dialect.IdColumn)
        {
            return (RowVerdict.Malformed, MalformedKind.ShortRow, $"short row: {fields} fields, the id is in field {dialect.IdColumn + 1}");
        }

        if (plan.Ids is { } ids && !ids.Matches(reader.GetSpan(dialect.IdColumn)))
        {
            return (RowVerdict.NoMatch, default, "");
        }

        if (dialect.ExpectedFields > 0 && fields < dialect.ExpectedFields)
        {
            return (RowVerdict.Malformed, MalformedKind.ShortRow, $"short row: {fields} of {dialect.ExpectedFields} fields");
        }

        return raw.Contains((byte)0)
            ? (RowVerdict.Malformed, MalformedKind.Binary, "binary data (NUL byte) in the row")
            : (RowVerdict.Match, default, "");
    }

    private static int TerminatorLength(RetainingStream tap, long end)
    {
        if (!tap.TryByteAt(end, out var first))
        {
            return 0;
        }

        if (first == (byte)'\n')
        {
            return 1;
        }

        if (first == (byte)'\r')
        {
            return tap.TryByteAt(end + 1, out var second) && second == (byte)'\n' ? 2 : 1;
        }

        return 0;
    }

    /// <summary>The offset just past the first line break at or after <paramref name="from"/>, reading on if needed; -1 at the end of the input.</summary>
    private static long SkipLine(RetainingStream tap, long from)
    {
        var scratch = new byte[64 * 1024];
        var at = from;
        while (true)
        {
            while (at < tap.BytesRead)
            {
                if (tap.TryByteAt(at, out var value) && value == (byte)'\n')
                {
                    return at + 1;
                }

                at++;
                tap.Release(at);
            }

            if (tap.Read(scratch) == 0)
            {
                return -1;
            }
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
        _ => reason.ToString(),
    };
}
