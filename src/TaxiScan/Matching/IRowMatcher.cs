namespace TaxiScan.Matching;

/// <summary>The verdict on one row.</summary>
internal enum RowVerdict
{
    /// <summary>The row's id is not one of the ids.</summary>
    NoMatch,

    /// <summary>The row's id is one of the ids: the row goes to the output.</summary>
    Match,

    /// <summary>The row cannot be read as a record of this dialect; it is counted and reported.</summary>
    Malformed,
}

/// <summary>What is wrong with a malformed row; each kind is reported a few times per file, then only counted.</summary>
internal enum MalformedKind : byte
{
    /// <summary>The row has no delimiter at all, so no id can be read from it.</summary>
    NoDelimiter = 0,

    /// <summary>Fewer fields than the id column needs, or a matching row with fewer fields than the file's rows have.</summary>
    ShortRow = 1,

    /// <summary>A quoted field that is not closed within a row's size limit or before the end of the file.</summary>
    UnterminatedQuote = 2,

    /// <summary>NUL bytes: binary data that only looks like a row.</summary>
    Binary = 3,

    /// <summary>A line longer than the longest row kept.</summary>
    TooLong = 4,
}

/// <summary>
/// The matching stage of the line path: decides, for one unquoted row of raw bytes (line terminator
/// excluded), whether it is printed. Implementations allocate nothing per row.
/// </summary>
internal interface IRowMatcher
{
    RowVerdict Classify(ReadOnlySpan<byte> row);

    /// <summary>Why <paramref name="row"/> was <see cref="RowVerdict.Malformed"/>; called only for malformed rows.</summary>
    (MalformedKind Kind, string Reason) Explain(ReadOnlySpan<byte> row);
}
