namespace TaxiScan.Matching;

/// <summary>
/// Matches rows whose first field, up to the first delimiter, equals one of the ids as text.
/// A row without any delimiter is malformed (a GPS fix always has several fields), and so is a
/// matching row that holds a NUL byte (binary data that only looks like a row).
/// </summary>
internal sealed class FirstFieldMatcher(IdSet ids, byte delimiter) : IRowMatcher
{
    public RowVerdict Classify(ReadOnlySpan<byte> row)
    {
        var end = row.IndexOf(delimiter);
        if (end < 0)
        {
            return RowVerdict.Malformed;
        }

        if (!ids.Contains(row[..end]))
        {
            return RowVerdict.NoMatch;
        }

        return row.Contains((byte)0) ? RowVerdict.Malformed : RowVerdict.Match;
    }

    public string ExplainMalformed(ReadOnlySpan<byte> row) =>
        row.IndexOf(delimiter) < 0
            ? $"no '{(char)delimiter}' delimiter: a row needs at least 2 fields"
            : "binary data (NUL byte) in the row";
}
