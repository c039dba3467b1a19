using TaxiScan.Model;

namespace TaxiScan.Matching;

/// <summary>
/// Matches an unquoted row by its id field (the <see cref="Dialect.IdColumn"/>-th field). A row whose id
/// cannot be read (no delimiter, too few fields) is malformed; so is a matching row that is shorter than
/// the file's rows or holds a NUL byte, since printing it would hand on a torn or binary record. Rows that
/// do not match are not checked further: that keeps the per-row cost at finding one field.
/// </summary>
internal sealed class LineRowMatcher(IdTest ids, Dialect dialect) : IRowMatcher
{
    private readonly int _column = dialect.IdColumn;
    private readonly int _expectedFields = dialect.ExpectedFields;

    public RowVerdict Classify(ReadOnlySpan<byte> row)
    {
        var fields = new FieldCursor(row, dialect.Delimiter);
        ReadOnlySpan<byte> id = default;
        for (var i = 0; i <= _column; i++)
        {
            if (!fields.TryNext(out id))
            {
                return RowVerdict.Malformed;
            }
        }

        if (_column == 0 && !fields.HasMore)
        {
            return RowVerdict.Malformed;
        }

        if (!ids.Matches(id))
        {
            return RowVerdict.NoMatch;
        }

        if (_expectedFields > 0 && _column + 1 + fields.CountRemaining() < _expectedFields)
        {
            return RowVerdict.Malformed;
        }

        return row.Contains((byte)0) ? RowVerdict.Malformed : RowVerdict.Match;
    }

    public (MalformedKind Kind, string Reason) Explain(ReadOnlySpan<byte> row)
    {
        var fields = new FieldCursor(row, dialect.Delimiter).CountRemaining();
        if (fields <= 1)
        {
            var what = dialect.Delimiter.Kind == DelimiterKind.SpaceRuns ? "blank" : $"'{Dialect.Printable(dialect.Delimiter.Byte)}'";
            return row.Contains((byte)0)
                ? (MalformedKind.Binary, "binary data (NUL bytes) and no delimiter")
                : (MalformedKind.NoDelimiter, $"no {what} delimiter: a row needs at least 2 fields");
        }

        if (fields <= _column)
        {
            return (MalformedKind.ShortRow, $"short row: {fields} fields, the id is in field {_column + 1}");
        }

        if (_expectedFields > 0 && fields < _expectedFields)
        {
            return (MalformedKind.ShortRow, $"short row: {fields} of {_expectedFields} fields");
        }

        return (MalformedKind.Binary, "binary data (NUL byte) in the row");
    }
}
