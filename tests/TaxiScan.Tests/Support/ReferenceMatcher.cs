using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>
/// One record as <see cref="ReferenceCsv"/> reads it: its offsets in its input (Start; ContentEnd, where its
/// <c>\n</c> or <c>\r\n</c> terminator starts; End, just past the terminator, equal to ContentEnd at the end
/// of the input), its unquoted fields, and whether a quoted field ran into the end of the input.
/// </summary>
internal sealed record CsvRecord(int Start, int ContentEnd, int End, IReadOnlyList<byte[]> Fields, bool Unterminated)
{
    public bool HasTerminator => End > ContentEnd;

    /// <summary>The bytes a matcher writes for this record: as in the input, plus <c>\n</c> if it had no terminator.</summary>
    public byte[] OutputBytes(byte[] input) =>
        HasTerminator ? input[Start..End] : [.. input.AsSpan(Start, End - Start), (byte)'\n'];
}

/// <summary>
/// A deliberately plain RFC 4180 record splitter, the test suite's independent reading of CSV bytes.
/// Quoted fields may hold delimiters, doubled quotes and line breaks; records end at <c>\n</c> or
/// <c>\r\n</c>. It is lenient where RFC 4180 has no answer: a quote inside an unquoted field, or text
/// after a closing quote, is kept literally; a quote never closed runs to the end of the input.
/// </summary>
internal static class ReferenceCsv
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Where the records start: after a UTF-8 BOM, if there is one.</summary>
    public static int BodyStart(byte[] input) => input.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;

    public static List<CsvRecord> Split(byte[] input, byte delimiter)
    {
        var records = new List<CsvRecord>();
        for (var position = BodyStart(input); position < input.Length; position = records[^1].End)
        {
            records.Add(ReadRecord(input, position, delimiter));
        }

        return records;
    }

    private static CsvRecord ReadRecord(byte[] input, int start, byte delimiter)
    {
        var fields = new List<byte[]>();
        var position = start;
        var unterminated = false;
        while (true)
        {
            var field = new List<byte>();
            if (position < input.Length && input[position] == (byte)'"')
            {
                position++;
                while (true)
                {
                    if (position >= input.Length)
                    {
                        unterminated = true;
                        break;
                    }

                    if (input[position] == (byte)'"')
                    {
                        if (position + 1 < input.Length && input[position + 1] == (byte)'"')
                        {
                            field.Add((byte)'"');
                            position += 2;
                            continue;
                        }

                        position++;
                        break;
                    }

                    field.Add(input[position++]);
                }
            }

            while (position < input.Length && input[position] != delimiter && !IsLineEnd(input, position))
            {
                field.Add(input[position++]);
            }

            fields.Add([.. field]);
            if (position < input.Length && input[position] == delimiter)
            {
                position++;
                continue;
            }

            break;
        }

        var contentEnd = position;
        if (position < input.Length)
        {
            position += input[position] == (byte)'\r' ? 2 : 1;
        }

        return new CsvRecord(start, contentEnd, position, fields, unterminated);
    }

    private static bool IsLineEnd(byte[] input, int position) =>
        input[position] == (byte)'\n' || (input[position] == (byte)'\r' && position + 1 < input.Length && input[position + 1] == (byte)'\n');
}

/// <summary>
/// The reference answer to <c>taxiscan find</c> with explicit dialect options: which records of which
/// inputs match, and the exact stdout bytes that follow (header of the first contributing input once,
/// then the matching records byte for byte). Slow and simple on purpose.
/// </summary>
internal sealed class ReferenceMatcher
{
    private readonly HashSet<string> _keys;

    /// <summary>
    /// The query as taxiscan's options state it: <paramref name="column"/> is 1-based and ignored when
    /// <paramref name="columnName"/>, a name resolved in each input's own header, is given.
    /// </summary>
    public ReferenceMatcher(char delimiter, bool hasHeader, int column, IEnumerable<string> ids, bool numeric = false, string? columnName = null)
    {
        Delimiter = checked((byte)delimiter);
        HasHeader = hasHeader;
        Column = column;
        ColumnName = columnName;
        Numeric = numeric;
        _keys = [.. ids.Select(id => numeric ? NumericKey(id) ?? throw new ArgumentException($"not an integer id: {id}") : id)];
    }

    public byte Delimiter { get; }

    public bool HasHeader { get; }

    public int Column { get; }

    public string? ColumnName { get; }

    public bool Numeric { get; }

    /// <summary>
    /// An integer field's canonical text, or null: blanks (space, tab) around it are ignored, then it must be
    /// <c>[+-]?[0-9]+</c> (like Python's <c>int(field.strip())</c> without underscores); leading zeros and a
    /// <c>+</c> sign do not count, and <c>-0</c> is <c>0</c>. Any length, so no overflow decides a match.
    /// </summary>
    public static string? NumericKey(string field)
    {
        var text = field.Trim(' ', '\t');
        var negative = text.StartsWith('-');
        if (text.StartsWith('+') || negative)
        {
            text = text[1..];
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        text = text.TrimStart('0');
        return text.Length == 0 ? "0" : negative ? "-" + text : text;
    }

    /// <summary>Whether a record's id field equals one of the ids, with <paramref name="column"/> 1-based.</summary>
    public bool IsMatch(CsvRecord record, int column)
    {
        if (record.Unterminated || record.Fields.Count < column)
        {
            return false;
        }

        var field = Encoding.UTF8.GetString(record.Fields[column - 1]);
        var key = Numeric ? NumericKey(field) : field;
        return key is not null && _keys.Contains(key);
    }

    /// <summary>The matching records of one input, and its header record if it has one.</summary>
    public (CsvRecord? Header, List<CsvRecord> Matches) Read(byte[] input)
    {
        var records = ReferenceCsv.Split(input, Delimiter);
        var header = HasHeader && records.Count > 0 ? records[0] : null;
        var column = ResolveColumn(header);
        var rows = HasHeader ? records.Skip(1) : records;
        return (header, [.. rows.Where(record => IsMatch(record, column))]);
    }

    /// <summary>The stdout taxiscan must write for these inputs, in this order.</summary>
    public byte[] ExpectedOutput(IEnumerable<byte[]> inputs, bool headerOutput = true)
    {
        var output = new List<byte>();
        var headerWritten = false;
        foreach (var input in inputs)
        {
            var (header, matches) = Read(input);
            if (matches.Count == 0)
            {
                continue;
            }

            if (header is not null && headerOutput && !headerWritten)
            {
                output.AddRange(header.OutputBytes(input));
                headerWritten = true;
            }

            foreach (var match in matches)
            {
                output.AddRange(match.OutputBytes(input));
            }
        }

        return [.. output];
    }

    private int ResolveColumn(CsvRecord? header)
    {
        if (ColumnName is null)
        {
            return Column;
        }

        var names = header?.Fields.Select(Encoding.UTF8.GetString).ToList() ?? throw new InvalidOperationException("a column name needs a header");
        var index = names.IndexOf(ColumnName);
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"no column {ColumnName} in [{string.Join(", ", names)}]");
    }
}
