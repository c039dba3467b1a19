using System.Text;
using System.Text.Unicode;
using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>The outcome of sniffing one file: its dialect, or why the file cannot be searched; and notes worth a warning.</summary>
internal sealed record SniffResult(Dialect? Dialect, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// The dialect stage: settles each file's dialect from the user's options and, for what they left
/// unsaid, from the file's first lines (the sample). The rules, also in the README:
/// <list type="bullet">
/// <item>Delimiter: of comma, semicolon, tab and pipe, those that give the same field count (2 or more) on at
/// nearly all sampled data lines (all but 10%, or all but one in a short file); the one giving the most fields wins, ties in that order. Failing those,
/// runs of blanks, on the same terms. Failing everything, comma, with a warning.</item>
/// <item>Quoting: a file whose sample holds a double quote is read as quoted CSV (RFC 4180).</item>
/// <item>Header: the first line is a header when one of its fields is the <c>-c NAME</c> asked for; or when
/// none of its fields is a number and some column holds no digit on the first line but digits on at least
/// 90% of the following lines (a name over data).</item>
/// </list>
/// </summary>
internal static class DialectSniffer
{
    /// <summary>How much of a file's start is looked at.</summary>
    public const int SampleBytes = 64 * 1024;

    private const double Consistency = 0.9;
    private static readonly byte[] DelimiterCandidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    /// <param name="sample">The file's first bytes, without a byte order mark.</param>
    /// <param name="wholeFile">The sample is the whole file (its last line is complete even without a newline).</param>
    /// <param name="spec">What the user said about the dialect.</param>
    /// <param name="encoding">The input's encoding, for header names.</param>
    public static SniffResult Sniff(ReadOnlySpan<byte> sample, bool wholeFile, MatchSpec spec, Encoding encoding)
    {
        var warnings = new List<string>();
        if (!wholeFile)
        {
            var lastNewline = sample.LastIndexOf((byte)'\n');
            sample = lastNewline < 0 ? sample : sample[..(lastNewline + 1)];
        }

        var carriageReturn = sample.IndexOf((byte)'\r');
        if (!sample.Contains((byte)'\n') && carriageReturn >= 0 && carriageReturn < sample.Length - 1)
        {
            return new SniffResult(null, "lines end in CR only (old Mac text), which is not supported; convert it first, e.g. tr '\\r' '\\n'", warnings);
        }

        var hasQuote = sample.Contains((byte)'"');
        var bytes = sample.ToArray();
        DelimiterChoice delimiter;
        List<byte[][]> records;
        var guessed = false;
        if (spec.Delimiter.Kind != DelimiterKind.Auto)
        {
            delimiter = spec.Delimiter;
            records = SampleRecords.SplitConsistently(bytes, delimiter, hasQuote, wholeFile, out _);
        }
        else
        {
            (delimiter, records, guessed) = DetectDelimiter(bytes, hasQuote, wholeFile, warnings);
        }

        var quoted = hasQuote && delimiter.Kind == DelimiterKind.Byte && !guessed;
        if (records.Count == 0)
        {
            // An empty (or blank) file has no rows to search and no header to look a name up in.
            return new SniffResult(new Dialect { Delimiter = delimiter, Quoted = quoted, IdColumn = Math.Max(0, spec.Column.Index - 1) }, null, warnings);
        }

        var hasHeader = spec.Header switch
        {
            HeaderChoice.Present => records.Count > 0,
            HeaderChoice.Absent => false,
            _ => LooksLikeHeader(records, spec.Column, encoding),
        };

        // Only a clear majority sets the field count a matching row must have (and that a -c N must fit):
        // a sample of garbage or of one huge broken line says nothing about the file's rows.
        var dataRecords = hasHeader ? records.Skip(1).ToList() : records;
        var expectedFields = SampleRecords.ConsistentDataFieldCount(dataRecords);
        int idColumn;
        string? idColumnName = null;
        if (spec.Column.Name is { } name)
        {
            if (!hasHeader)
            {
                return Failed($"no header line, so there is no column named '{name}' (use -c N, or --header if the first line is one)");
            }

            var found = FindColumn(records[0], name, encoding);
            if (found < 0)
            {
                var known = string.Join(", ", records[0].Select(field => encoding.GetString(field)));
                var hint = TextEncodings.IsUtf8(spec.InputEncoding) && records[0].Any(field => !Utf8.IsValid(field))
                    ? "; the header is not valid UTF-8, try --encoding gbk"
                    : "";
                return Failed($"no column named '{name}' in the header ({known}){hint}");
            }

            idColumn = found;
            idColumnName = name;
        }
        else
        {
            idColumn = spec.Column.Index - 1;
            if (hasHeader && idColumn < records[0].Length)
            {
                idColumnName = encoding.GetString(records[0][idColumn]);
            }

            if (expectedFields > 0 && expectedFields <= idColumn)
            {
                return Failed($"rows have {expectedFields} fields, so there is no column {spec.Column.Index}");
            }
        }

        var dialect = new Dialect
        {
            Delimiter = delimiter,
            Quoted = quoted,
            DelimiterGuessed = guessed,
            HasHeader = hasHeader,
            IdColumn = idColumn,
            IdColumnName = idColumnName,
            ExpectedFields = expectedFields,
        };
        return new SniffResult(dialect, null, warnings);

        SniffResult Failed(string error) => new(null, error, warnings);
    }

    private static (DelimiterChoice, List<byte[][]>, bool Guessed) DetectDelimiter(byte[] sample, bool hasQuote, bool wholeFile, List<string> warnings)
    {
        // A candidate that leaves the quotes well-formed beats one that does not: in `1;"POINT(1,2)";x` the
        // commas split more fields, consistently, but only by cutting quoted fields apart.
        (DelimiterChoice Choice, List<byte[][]> Records, int Fields, bool CleanQuotes)? best = null;
        foreach (var candidate in DelimiterCandidates)
        {
            var choice = DelimiterChoice.Of(candidate);
            var records = SampleRecords.SplitConsistently(sample, choice, hasQuote, wholeFile, out var clean);
            var fields = SampleRecords.ConsistentFieldCount(records);
            if (fields >= 2 && (best is null || (clean && !best.Value.CleanQuotes) || (clean == best.Value.CleanQuotes && fields > best.Value.Fields)))
            {
                best = (choice, records, fields, clean);
            }
        }

        if (best is { } found)
        {
            return (found.Choice, found.Records, false);
        }

        var blankRecords = SampleRecords.Split(sample, DelimiterChoice.SpaceRuns, hasQuote, wholeFile, out _);
        if (SampleRecords.ConsistentFieldCount(blankRecords) >= 2)
        {
            return (DelimiterChoice.SpaceRuns, blankRecords, false);
        }

        if (sample.Length > 0)
        {
            warnings.Add("no consistent delimiter in the first lines (is this a CSV file?); reading it as comma-separated");
        }

        var comma = DelimiterChoice.Of((byte)',');
        return (comma, SampleRecords.Split(sample, comma, quoted: false, wholeFile, out _), true);
    }

    private static bool LooksLikeHeader(List<byte[][]> records, ColumnChoice column, Encoding encoding)
    {
        if (records.Count == 0)
        {
            return false;
        }

        var first = records[0];
        if (column.Name is { } name && FindColumn(first, name, encoding) >= 0)
        {
            return true;
        }

        if (first.Any(IsNumber))
        {
            return false;
        }

        if (records.Count == 1)
        {
            return !first.Any(HasDigit);
        }

        var data = records.Skip(1).ToList();
        for (var j = 0; j < first.Length; j++)
        {
            if (HasDigit(first[j]))
            {
                continue;
            }

            var withDigits = data.Count(record => j < record.Length && HasDigit(record[j]));
            if (withDigits > 0 && withDigits >= Consistency * data.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the header field named <paramref name="name"/>: exactly, else ignoring case and surrounding blanks; -1 if none.</summary>
    internal static int FindColumn(byte[][] header, string name, Encoding encoding)
    {
        var names = header.Select(field => encoding.GetString(field)).ToArray();
        var exact = Array.IndexOf(names, name);
        if (exact >= 0)
        {
            return exact;
        }

        var wanted = name.Trim();
        return Array.FindIndex(names, candidate => string.Equals(candidate.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasDigit(byte[] field) => field.AsSpan().IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;

    /// <summary>An integer or decimal such as <c>12</c>, <c>-8.61</c>, <c>+3</c>: a header field never is one.</summary>
    private static bool IsNumber(byte[] field)
    {
        var text = field.AsSpan().Trim(" \t"u8);
        if (!text.IsEmpty && (text[0] == (byte)'+' || text[0] == (byte)'-'))
        {
            text = text[1..];
        }

        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? default : text[(dot + 1)..];
        return !text.IsEmpty && text.Length > (dot < 0 ? 0 : 1)
            && !whole.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }
}
